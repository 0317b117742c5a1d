using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Notify.Core.Storage;
using Notify.Core.Topics;
using Notify.Core.Users;

namespace Notify.Core.Pipeline;

/// <summary>
/// Removes a deleted user's rows one page per message, so no request or message holds a whole partition:
/// the id index and topic memberships outside the partition, the rows inside it. Id rows stay as tombstones,
/// as when one item is deleted, so a late redelivery finds its item delivered rather than bringing the user
/// back. The user row goes last with the counters row (which hides the inbox meanwhile), under the ETag it had when the pass began: a delivery that wrote meanwhile
/// changed it, and another pass picks up what it wrote. Repeating a page changes nothing.
/// </summary>
public sealed class UserDeletionHandler(NotifyStorage storage, UserIndexes indexes, ILogger<UserDeletionHandler> logger) : IQueueHandler<UserDeletionMessage>
{
    public const int RowsPerPage = 200;
    private TableClient Users => storage.Table(TableNames.Users);

    /// <summary>Starts removing the rows of a user already marked deleting.</summary>
    public Task StartAsync(string appId, string userId, CancellationToken ct) =>
        storage.EnqueueAsync(QueueNames.UserDeletions, new UserDeletionMessage(appId, userId, null, null), null, ct);

    public async Task HandleAsync(UserDeletionMessage message, long dequeueCount, CancellationToken ct)
    {
        var partition = TableKeys.User(message.AppId, message.UserId);
        var user = await Users.GetEntityIfExistsAsync<UserRow>(partition, TableKeys.Users.Profile, cancellationToken: ct);
        if (!user.HasValue || !user.Value!.Deleting) return;
        var passETag = message.PassETag ?? user.Value.ETag.ToString();
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["AppId"] = message.AppId });
        // Out of the app-wide audience first, so no broadcast reaches the user while their rows go.
        if (message.Continuation is null) await indexes.LeaveAsync(message.AppId, message.UserId, ct);

        var pages = Users.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"),
            maxPerPage: RowsPerPage, select: ["PartitionKey", "RowKey", nameof(Inbox.InboxIdRow.Deleted)], cancellationToken: ct);
        await foreach (var page in pages.AsPages(message.Continuation, RowsPerPage))
        {
            await RemoveAsync(message.AppId, message.UserId, page.Values, ct);
            if (page.ContinuationToken is not null)
            {
                await storage.EnqueueAsync(QueueNames.UserDeletions, message with { Continuation = page.ContinuationToken, PassETag = passETag }, null, ct);
                return;
            }
            break;
        }
        try
        {
            await Users.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, TableKeys.Users.Profile), new ETag(passETag)),
                new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, TableKeys.InboxCounts), ETag.All),
            ], ct);
            logger.LogInformation("Deleted user's rows are gone");
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            logger.LogInformation("The deleted user got rows while they were removed; another pass follows");
            await storage.EnqueueAsync(QueueNames.UserDeletions, message with { Continuation = null, PassETag = null }, null, ct);
        }
    }

    private async Task RemoveAsync(string appId, string userId, IReadOnlyList<TableEntity> rows, CancellationToken ct)
    {
        var ids = rows.Where(r => r.RowKey.StartsWith(TableKeys.InboxIdPrefix, StringComparison.Ordinal)).ToList();
        var index = storage.Table(TableNames.NotificationIndex);
        foreach (var group in ids.Select(r => TableKeys.ParseInboxId(r.RowKey)).GroupBy(id => TableKeys.NotificationIndex(appId, id)))
            await TableBatches.DeleteAsync(index, group.Select(id => new TableEntity(group.Key, TableKeys.NotificationIndexRow(id))), ct);

        var members = storage.Table(TableNames.TopicMembers);
        var bucket = TableKeys.BucketOf(userId, TopicMemberStore.BucketCount);
        foreach (var subscription in rows.Where(r => r.RowKey.StartsWith(TableKeys.TopicSubscriptionPrefix, StringComparison.Ordinal)))
            await members.DeleteEntityAsync(TableKeys.TopicBucket(appId, TableKeys.ParseTopicSubscription(subscription.RowKey), bucket),
                TableKeys.Encode(userId), ETag.All, ct);

        var tombstones = ids.Where(r => r.GetBoolean(nameof(Inbox.InboxIdRow.Deleted)) != true)
            .Select(r => new TableEntity(r.PartitionKey, r.RowKey) { [nameof(Inbox.InboxIdRow.Deleted)] = true });
        foreach (var batch in tombstones.Chunk(TableBatches.MaxEntities))
            await Users.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertMerge, r)), ct);
        // The counters row says the user is being deleted, so it goes with the user row, at the end.
        await TableBatches.DeleteAsync(Users, rows.Where(r => r.RowKey != TableKeys.Users.Profile && r.RowKey != TableKeys.InboxCounts
            && !r.RowKey.StartsWith(TableKeys.InboxIdPrefix, StringComparison.Ordinal)), ct);
    }
}
