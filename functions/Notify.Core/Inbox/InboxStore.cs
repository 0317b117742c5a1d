using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Notify.Core.Storage;

namespace Notify.Core.Inbox;

/// <summary>
/// Reads one user's inbox and applies the user's changes through <see cref="InboxWriter"/>. A page costs
/// the counters' range query and reads of its own rows only, whatever the inbox holds.
/// </summary>
public sealed partial class InboxStore(
    NotifyStorage storage, InboxWriter writer, InboxCounters counters, OpenReceipts receipts, IInboxListener listener, TimeProvider clock)
{
    private TableClient Users => storage.Table(TableNames.Users);
    private TableClient Index => storage.Table(TableNames.NotificationIndex);

    /// <summary>A cursor is the tail of an item's row key: inverted ticks and id.</summary>
    public static bool IsCursor(string text) => CursorPattern().IsMatch(text);

    /// <param name="cursor">From a previous page's <see cref="InboxPage.NextCursor"/>: the page starts there and <paramref name="pageNo"/> is not used to seek.</param>
    public async Task<InboxPage> ListAsync(string appId, string userId, int pageNo, int limit, string? category, string? cursor, CancellationToken ct)
    {
        var partition = TableKeys.User(appId, userId);
        // Counted before the items are read (an item commits with its count), so a page never shows fewer items than its counts promise.
        var total = await counters.ReadAsync(partition, ct);
        // A user being deleted has no inbox any more, while the deletion job removes the rows.
        if (total.UserDeleting) return new InboxPage(0, 0, [], null);
        var (prefix, end) = category is null
            ? (TableKeys.InboxItemPrefix, TableKeys.InboxItemEnd)
            : (TableKeys.InboxCategoryPrefix(category), TableKeys.InboxCategoryEnd(category));
        var start = cursor is not null ? prefix + cursor : await SeekAsync(partition, prefix, end, (pageNo - 1) * limit, ct);
        var rows = new List<InboxItemRow>(limit + 1);
        if (start is not null)
        {
            // One row past the page says where the next page starts; a category's rows point at the items.
            await foreach (var row in Users.QueryAsync<InboxItemRow>(Range(partition, start, end), maxPerPage: limit + 1,
                select: category is null ? null : ["PartitionKey", "RowKey"], cancellationToken: ct))
            {
                rows.Add(row);
                if (rows.Count > limit) break;
            }
        }
        var next = rows.Count > limit ? rows[limit].RowKey[prefix.Length..] : null;
        var page = rows.Take(limit).ToList();
        var items = category is null ? page : await ReadItemsAsync(partition, page.Select(r => TableKeys.InboxItemOfCategoryRow(r.RowKey)), ct);

        var watermark = total.SeenWatermark;
        return new InboxPage(category is null ? total.Total : total.TotalFor(category), total.Unseen,
            items.Select(i => i.WithWatermark(watermark)).ToList(), next);
    }

    public Task<InboxItemRow?> GetAsync(string appId, string userId, long id, CancellationToken ct) =>
        writer.ReadItemAsync(TableKeys.User(appId, userId), id, ct);

    public async Task<int> GetUnreadCountAsync(string appId, string userId, CancellationToken ct) =>
        (await counters.ReadAsync(TableKeys.User(appId, userId), ct)) is { UserDeleting: false } counts ? counts.Unseen : 0;

    /// <summary>Returns false when the user has no such item. An opened item that asks for an answer leaves an open receipt.</summary>
    public async Task<bool> ChangeAsync(string appId, string userId, long id, InboxChange change, CancellationToken ct)
    {
        if (change == InboxChange.Deleted) return await writer.DeleteItemAsync(appId, userId, id, ct);
        InboxItemRow? changed = null;
        var found = await writer.UpdateItemAsync(appId, userId, id, (item, now) =>
        {
            changed = item;
            return InboxChanges.Apply(change, item, now);
        }, ct);
        if (found && change == InboxChange.Clicked && changed is not null) await receipts.RecordAsync(appId, userId, changed, ct);
        return found;
    }

    /// <summary>
    /// Puts a newer message of a stack on its item: the content becomes <paramref name="content"/> and the item
    /// unread and unseen again, one <see cref="InboxWriter.UpdateItemAsync"/> with its counter change. A stack count
    /// the item already reached (a slower racer's) changes nothing. Returns false when the user has no such item.
    /// </summary>
    public Task<bool> RestackAsync(string appId, string userId, long id, InboxContent content, CancellationToken ct) =>
        writer.UpdateItemAsync(appId, userId, id, (item, now) =>
        {
            if (item.Increment >= content.Increment) return null;
            item.Content = content.Content with { Category = item.Category };
            item.Increment = content.Increment;
            InboxChanges.Apply(InboxChange.Unread, item, now);
            return InboxChanges.Apply(InboxChange.Unseen, item, now) ?? InboxDelta.None;
        }, ct);

    /// <summary>Whether the item was delivered once and deleted since (its id row is a tombstone).</summary>
    public async Task<bool> IsDeletedAsync(string appId, string userId, long id, CancellationToken ct)
    {
        var idRow = await Users.GetEntityIfExistsAsync<InboxIdRow>(TableKeys.User(appId, userId), InboxIdRow.KeyFor(id), cancellationToken: ct);
        return idRow.HasValue && idRow.Value!.Deleted;
    }

    /// <summary>One write, however many items are unseen: the watermark covers every item delivered or changed before now.</summary>
    public async Task MarkAllSeenAsync(string appId, string userId, CancellationToken ct)
    {
        await counters.MarkAllSeenAsync(TableKeys.User(appId, userId), clock.GetUtcNow(), ct);
        listener.Written(new InboxWritten(appId, userId, InboxWriteKind.AllSeen, null));
    }

    /// <summary>
    /// Moves with every inbox write (each writes a counter change or the folded row): the counters' range read, which
    /// is what a page read costs first anyway. A fold also moves it, which costs a watcher one needless head read.
    /// </summary>
    public async Task<string> VersionAsync(string appId, string userId, CancellationToken ct) =>
        (await counters.ReadAsync(TableKeys.User(appId, userId), ct)).Version;

    /// <summary>
    /// Records id → user for items about to be delivered; upserts, so repeating it is harmless. Ids carry
    /// their user's bucket, so recipients sorted by bucket share a few partitions per chunk.
    /// </summary>
    public async Task IndexAsync(string appId, IEnumerable<(long Id, string UserId)> items, CancellationToken ct)
    {
        var rows = items.Select(i => new NotificationIndexRow
        {
            PartitionKey = TableKeys.NotificationIndex(appId, i.Id), RowKey = TableKeys.NotificationIndexRow(i.Id), UserId = i.UserId,
        });
        await Task.WhenAll(rows.GroupBy(r => r.PartitionKey).SelectMany(g => g.Chunk(100)).Select(batch =>
            Index.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), ct)));
    }

    public async Task<string?> FindUserAsync(string appId, long id, CancellationToken ct)
    {
        var row = await Index.GetEntityIfExistsAsync<NotificationIndexRow>(TableKeys.NotificationIndex(appId, id), TableKeys.NotificationIndexRow(id), cancellationToken: ct);
        return row.HasValue ? row.Value!.UserId : null;
    }

    /// <summary>
    /// Without a cursor, page N starts after (N−1)·limit rows. Only their keys are read (a projection), in
    /// pages of 1,000: clients that page through the inbox pass the cursor and never come here.
    /// </summary>
    private async Task<string?> SeekAsync(string partition, string prefix, string end, int skip, CancellationToken ct)
    {
        if (skip == 0) return prefix;
        var seen = 0;
        await foreach (var row in Users.QueryAsync<TableEntity>(Range(partition, prefix, end), maxPerPage: 1000, select: ["RowKey"], cancellationToken: ct))
            if (seen++ == skip) return row.RowKey;
        return null;
    }

    /// <summary>A category page's items, read by key in parallel: at most a page of point reads.</summary>
    private async Task<IReadOnlyList<InboxItemRow>> ReadItemsAsync(string partition, IEnumerable<string> keys, CancellationToken ct)
    {
        var items = await Task.WhenAll(keys.Select(key => Users.GetEntityIfExistsAsync<InboxItemRow>(partition, key, cancellationToken: ct)));
        return items.Where(i => i.HasValue).Select(i => i.Value!).ToList();
    }

    private static string Range(string partition, string start, string end) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {start} and RowKey lt {end}");

    [GeneratedRegex(@"^\d{19}\|\d{16}$")]
    private static partial Regex CursorPattern();
}
