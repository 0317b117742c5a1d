using System.Diagnostics;
using Azure.Data.Tables;
using Notify.Core;
using Notify.Core.Audience;
using Notify.Core.Deliveries;
using Notify.Core.Inbox;
using Notify.Core.Pipeline;
using Notify.Core.Storage;
using Notify.Core.Topics;
using Notify.Core.Users;

namespace Notify.Benchmarks;

/// <summary>
/// The ceiling: the storage work the inbox path does for recipients new to the app, issued straight at Azurite
/// with none of the service around it. Per chunk of recipients (in the service's chunk order): the id-index rows in
/// one transaction per bucket and the app-wide audience's member rows in one per member bucket, one transaction per
/// recipient (item, id row, counter change, user row merged), and the delivery records with their tally in one
/// transaction per bucket. It writes into the service's own tables,
/// in partitions of an app of its own (new for each round): Azurite's cost of a write grows
/// with the rows its table holds, so a baseline on empty tables would time the table's size, not the service.
/// </summary>
public static class RawAzurite
{
    private const int ChunkSize = 250;

    /// <summary>
    /// The first <paramref name="recipients"/> of a send to <paramref name="sendSize"/>, in its chunks: how many bucket
    /// partitions a chunk spans, and so how many transactions it takes, depends on the size of the send it is cut from.
    /// </summary>
    public static async Task<Timed> WriteAsync(NotifyStorage storage, string app, int recipients, int sendSize, int concurrency)
    {
        var users = storage.Table(TableNames.Users);
        var index = storage.Table(TableNames.NotificationIndex);
        var records = storage.Table(TableNames.Deliveries);
        var members = storage.Table(TableNames.TopicMembers);
        string AudienceBucket(string user) => TableKeys.TopicBucket(app, AppAudience.TopicId, TableKeys.BucketOf(user, TopicMemberStore.BucketCount));
        var now = DateTimeOffset.UtcNow;
        long Id(int recipient) => NotificationIds.For(app, "send", User(recipient));
        var watch = Stopwatch.StartNew();
        var ordered = Enumerable.Range(0, sendSize).OrderBy(i => SendService.ChunkOrder(User(i))).Take(recipients);
        foreach (var chunk in ordered.Chunk(ChunkSize))
        {
            await Task.WhenAll(chunk.GroupBy(i => TableKeys.NotificationIndex(app, Id(i))).SelectMany(g => g.Chunk(100)).Select(g =>
                index.SubmitTransactionAsync(g.Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                    new NotificationIndexRow { PartitionKey = TableKeys.NotificationIndex(app, Id(i)), RowKey = TableKeys.NotificationIndexRow(Id(i)), UserId = User(i) })))));
            await Task.WhenAll(chunk.GroupBy(i => AudienceBucket(User(i))).SelectMany(g => g.Chunk(100)).Select(g =>
                members.SubmitTransactionAsync(g.Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                    new TopicMemberRow { PartitionKey = AudienceBucket(User(i)), RowKey = TableKeys.Encode(User(i)), UserId = User(i) })))));
            await Parallel.ForEachAsync(chunk, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
            {
                var partition = TableKeys.User(app, User(i));
                var item = new InboxItemRow { PartitionKey = partition, RowKey = TableKeys.InboxItem(now, Id(i)), Id = Id(i), Title = "raw", SeenChangedAt = now };
                await users.SubmitTransactionAsync(
                [
                    new(TableTransactionActionType.Add, item),
                    new(TableTransactionActionType.Add, new InboxIdRow { PartitionKey = partition, RowKey = InboxIdRow.KeyFor(Id(i)), ItemRowKey = item.RowKey }),
                    InboxCounters.Record(partition, $"{Id(i):D16}", new InboxDelta(1, 1), now, null),
                    new(TableTransactionActionType.UpsertMerge, new TableEntity(partition, TableKeys.Users.Profile) { [nameof(UserRow.Identifier)] = User(i) }),
                ], ct);
            });
            await Task.WhenAll(chunk.GroupBy(i => TableKeys.Deliveries(app, "send", User(i))).SelectMany(g => g.Chunk(99)).Select(g =>
            {
                var partition = TableKeys.Deliveries(app, "send", User(g[0]));
                var actions = g.Select(i => new TableTransactionAction(TableTransactionActionType.Add, new DeliveryRow
                {
                    PartitionKey = partition, RowKey = TableKeys.DeliveryRecords.Record(User(i), DeliveryChannels.InApp),
                    UserId = User(i), Channel = DeliveryChannels.InApp, Status = DeliveryStatus.Sent, UpdatedAt = now,
                })).ToList();
                actions.Add(DeliveryTally.Add(partition, new Dictionary<string, int> { [DeliveryStatus.Sent] = g.Length }));
                return records.SubmitTransactionAsync(actions);
            }));
        }
        return new Timed(recipients, watch.Elapsed);
    }

    private static string User(int recipient) => $"raw-{recipient}";
}
