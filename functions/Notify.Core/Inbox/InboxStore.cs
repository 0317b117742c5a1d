using Azure;
using Azure.Data.Tables;
using Notify.Core.Storage;
using Notify.Core.Users;

namespace Notify.Core.Inbox;

/// <summary>Reads and changes one user's inbox. Every change moves the counters in the same transaction.</summary>
public sealed class InboxStore(NotifyStorage storage, OpenReceipts receipts, IInboxListener listener, TimeProvider clock)
{
    private const int MaxAttempts = 20;
    private const int MaxItemsPerTransaction = 99;
    private TableClient Users => storage.Table(TableNames.Users);
    private TableClient Index => storage.Table(TableNames.NotificationIndex);

    public async Task<InboxPage> ListAsync(string appId, string userId, int pageNo, int limit, string? category, CancellationToken ct)
    {
        var partition = TableKeys.User(appId, userId);
        var user = await GetUserAsync(partition, ct);
        if (user is null) return new InboxPage(0, 0, []);
        var filter = category is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {TableKeys.InboxItemPrefix} and RowKey lt {TableKeys.InboxItemEnd}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {TableKeys.InboxItemPrefix} and RowKey lt {TableKeys.InboxItemEnd} and Category eq {category}");
        var skip = (pageNo - 1) * limit;
        var items = new List<InboxItemRow>(limit);
        var matched = 0;
        // Without a category the counters give the total; with one, the whole filtered range is counted.
        await foreach (var item in Users.QueryAsync<InboxItemRow>(filter, maxPerPage: Math.Min(1000, skip + limit), cancellationToken: ct))
        {
            if (matched >= skip && items.Count < limit) items.Add(item);
            matched++;
            if (category is null && items.Count == limit) break;
        }
        return new InboxPage(category is null ? user.TotalCount : matched, user.UnseenCount, items);
    }

    public async Task<InboxItemRow?> GetAsync(string appId, string userId, long id, CancellationToken ct)
    {
        var partition = TableKeys.User(appId, userId);
        var user = GetUserAsync(partition, ct);
        var idRow = await Users.GetEntityIfExistsAsync<InboxIdRow>(partition, InboxIdRow.KeyFor(id), cancellationToken: ct);
        if (await user is null || !idRow.HasValue || idRow.Value!.Deleted) return null;
        var item = await Users.GetEntityIfExistsAsync<InboxItemRow>(partition, idRow.Value.ItemRowKey, cancellationToken: ct);
        return item.HasValue ? item.Value : null;
    }

    /// <summary>Changes whenever the inbox does: the user row, which every inbox write changes, read for its ETag alone.</summary>
    public async Task<string?> VersionAsync(string appId, string userId, CancellationToken ct)
    {
        var user = await Users.GetEntityIfExistsAsync<TableEntity>(TableKeys.User(appId, userId), UserRow.Key, ["RowKey"], ct);
        return user.HasValue ? user.Value!.ETag.ToString() : "";
    }

    public async Task<int> GetUnreadCountAsync(string appId, string userId, CancellationToken ct) =>
        (await GetUserAsync(TableKeys.User(appId, userId), ct))?.UnseenCount ?? 0;

    /// <summary>Returns false when the user has no such item.</summary>
    public Task<bool> ChangeAsync(string appId, string userId, long id, InboxChange change, CancellationToken ct) =>
        UpdateAsync(appId, userId, id, change, (item, user) => InboxChanges.Apply(change, item, user, clock.GetUtcNow()), ct);

    /// <summary>
    /// Puts a newer message of a stack on its item: the content becomes <paramref name="content"/> and the item
    /// unread and unseen again, through the same counter logic as any other change. A stack count the item already
    /// reached (a slower racer's) changes nothing. Returns false when the user has no such item.
    /// </summary>
    public Task<bool> RestackAsync(string appId, string userId, long id, InboxContent content, CancellationToken ct) =>
        UpdateAsync(appId, userId, id, InboxChange.Unread, (item, user) =>
        {
            if (item.Increment >= content.Increment) return false;
            (item.Title, item.Message, item.Icon, item.Url, item.DataJson, item.Increment) =
                (content.Title, content.Message, content.Icon, content.Url, content.DataJson, content.Increment);
            InboxChanges.Apply(InboxChange.Unread, item, user, clock.GetUtcNow());
            InboxChanges.Apply(InboxChange.Unseen, item, user, clock.GetUtcNow());
            return true;
        }, ct);

    /// <summary>Whether the item was delivered once and deleted since (its id row is a tombstone).</summary>
    public async Task<bool> IsDeletedAsync(string appId, string userId, long id, CancellationToken ct)
    {
        var idRow = await Users.GetEntityIfExistsAsync<InboxIdRow>(TableKeys.User(appId, userId), InboxIdRow.KeyFor(id), cancellationToken: ct);
        return idRow.HasValue && idRow.Value!.Deleted;
    }

    /// <param name="apply">Changes the item and counters read fresh on each attempt; false when nothing needs writing.</param>
    private async Task<bool> UpdateAsync(string appId, string userId, long id, InboxChange change, Func<InboxItemRow, UserRow, bool> apply, CancellationToken ct)
    {
        var partition = TableKeys.User(appId, userId);
        for (var attempt = 1; ; attempt++)
        {
            var item = await GetAsync(appId, userId, id, ct);
            var user = await GetUserAsync(partition, ct);
            if (item is null || user is null) return false;
            if (!apply(item, user))
            {
                if (change == InboxChange.Clicked) await receipts.RecordAsync(appId, userId, item, ct);
                return true;
            }
            List<TableTransactionAction> actions = [new(TableTransactionActionType.UpdateReplace, user, user.ETag)];
            if (change == InboxChange.Deleted)
            {
                actions.Add(new(TableTransactionActionType.Delete, item, item.ETag));
                actions.Add(new(TableTransactionActionType.UpdateReplace, InboxIdRow.Tombstone(item, clock.GetUtcNow()), ETag.All));
            }
            else
            {
                actions.Add(new(TableTransactionActionType.UpdateReplace, item, item.ETag));
            }
            try
            {
                await Users.SubmitTransactionAsync(actions, ct);
                listener.Written(new InboxWritten(appId, userId, change == InboxChange.Deleted ? InboxWriteKind.Deleted : InboxWriteKind.Changed, id));
                if (change == InboxChange.Clicked) await receipts.RecordAsync(appId, userId, item, ct);
                return true;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412 && attempt < MaxAttempts)
            {
                // Another change won the race; apply ours to the fresh state.
            }
        }
    }

    public async Task MarkAllSeenAsync(string appId, string userId, CancellationToken ct)
    {
        var partition = TableKeys.User(appId, userId);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey ge {TableKeys.InboxItemPrefix} and RowKey lt {TableKeys.InboxItemEnd} and Seen eq false");
        var conflicts = 0;
        while (true)
        {
            var user = await GetUserAsync(partition, ct);
            if (user is null) return;
            var unseen = new List<InboxItemRow>();
            await foreach (var item in Users.QueryAsync<InboxItemRow>(filter, maxPerPage: MaxItemsPerTransaction, cancellationToken: ct))
            {
                unseen.Add(item);
                if (unseen.Count == MaxItemsPerTransaction) break;
            }
            if (unseen.Count == 0) return;
            var now = clock.GetUtcNow();
            List<TableTransactionAction> actions = [new(TableTransactionActionType.UpdateReplace, user, user.ETag)];
            foreach (var item in unseen)
            {
                InboxChanges.Apply(InboxChange.Seen, item, user, now);
                actions.Add(new(TableTransactionActionType.UpdateReplace, item, item.ETag));
            }
            try
            {
                await Users.SubmitTransactionAsync(actions, ct);
                listener.Written(new InboxWritten(appId, userId, InboxWriteKind.AllSeen, null));
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412 && ++conflicts < MaxAttempts)
            {
                // Someone changed an item or the counters meanwhile; the next round reads them again.
            }
        }
    }

    /// <summary>Records id → user for items about to be delivered; upserts, so repeating it is harmless.</summary>
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

    /// <summary>The user's row, or null when there is none or the user is being deleted (whose inbox is gone at once).</summary>
    private async Task<UserRow?> GetUserAsync(string partition, CancellationToken ct)
    {
        var user = await Users.GetEntityIfExistsAsync<UserRow>(partition, UserRow.Key, cancellationToken: ct);
        return user.HasValue && !user.Value!.Deleting ? user.Value : null;
    }
}
