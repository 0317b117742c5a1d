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
/// The baseline: the storage work the inbox path does for in-app recipients new to the app, issued straight at
/// Azurite with none of the service around it. Per chunk of recipients (cut as the service cuts its work): the
/// id-index rows in one transaction per bucket and the app-wide audience's member rows in one per member bucket, one
/// transaction per recipient (item, id row, counter change, user row merged), and the delivery records with their
/// tally in one transaction per bucket. Chunks are written one after another, 32 recipients at a time.
/// </summary>
public static class RawAzurite
{
    private const int ChunkSize = 250;
    private const string App = "raw";

    /// <summary>
    /// A list send's chunks: 250 recipients at a time in the service's chunk order. How many bucket partitions a chunk
    /// spans, and so how many transactions it takes, depends on the size of the send it is cut from.
    /// </summary>
    public static IEnumerable<int[]> SendChunks(int recipients) =>
        Enumerable.Range(0, recipients).OrderBy(i => SendService.ChunkOrder(User(i))).Chunk(ChunkSize);

    /// <summary>A topic send's pages: the members of one member bucket, up to 250 at a time, as the service reads them.</summary>
    public static IEnumerable<int[]> TopicPages(int members) =>
        Enumerable.Range(0, members).GroupBy(i => TableKeys.BucketOf(User(i), TopicMemberStore.BucketCount))
            .SelectMany(bucket => bucket.OrderBy(i => TableKeys.UserBucket(User(i))).Chunk(ChunkSize));

    public static async Task<Timed> WriteAsync(NotifyStorage storage, IReadOnlyList<int[]> chunks, int concurrency)
    {
        var users = storage.Table(TableNames.Users);
        var index = storage.Table(TableNames.NotificationIndex);
        var records = storage.Table(TableNames.Deliveries);
        var members = storage.Table(TableNames.TopicMembers);
        string AudienceBucket(string user) => TableKeys.TopicBucket(App, AppAudience.TopicId, TableKeys.BucketOf(user, TopicMemberStore.BucketCount));
        var now = DateTimeOffset.UtcNow;
        long Id(int recipient) => NotificationIds.For(App, "send", User(recipient));
        var watch = Stopwatch.StartNew();
        foreach (var chunk in chunks)
        {
            await Task.WhenAll(chunk.GroupBy(i => TableKeys.NotificationIndex(App, Id(i))).SelectMany(g => g.Chunk(100)).Select(g =>
                index.SubmitTransactionAsync(g.Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                    new NotificationIndexRow { PartitionKey = TableKeys.NotificationIndex(App, Id(i)), RowKey = TableKeys.NotificationIndexRow(Id(i)), UserId = User(i) })))));
            await Task.WhenAll(chunk.GroupBy(i => AudienceBucket(User(i))).SelectMany(g => g.Chunk(100)).Select(g =>
                members.SubmitTransactionAsync(g.Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                    new TopicMemberRow { PartitionKey = AudienceBucket(User(i)), RowKey = TableKeys.Encode(User(i)), UserId = User(i) })))));
            await Parallel.ForEachAsync(chunk, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
            {
                var partition = TableKeys.User(App, User(i));
                var item = new InboxItemRow { PartitionKey = partition, RowKey = TableKeys.InboxItem(now, Id(i)), Id = Id(i), Title = "raw", SeenChangedAt = now };
                await users.SubmitTransactionAsync(
                [
                    new(TableTransactionActionType.Add, item),
                    new(TableTransactionActionType.Add, new InboxIdRow { PartitionKey = partition, RowKey = InboxIdRow.KeyFor(Id(i)), ItemRowKey = item.RowKey }),
                    InboxCounters.Record(partition, $"{Id(i):D16}", new InboxDelta(1, 1), now, null),
                    new(TableTransactionActionType.UpsertMerge, new TableEntity(partition, TableKeys.Users.Profile) { [nameof(UserRow.Identifier)] = User(i) }),
                ], ct);
            });
            await Task.WhenAll(chunk.GroupBy(i => TableKeys.Deliveries(App, "send", User(i))).SelectMany(g => g.Chunk(99)).Select(g =>
            {
                var partition = TableKeys.Deliveries(App, "send", User(g[0]));
                var actions = g.Select(i => new TableTransactionAction(TableTransactionActionType.Add, new DeliveryRow
                {
                    PartitionKey = partition, RowKey = TableKeys.DeliveryRecords.Record(User(i), DeliveryChannels.InApp),
                    UserId = User(i), Channel = DeliveryChannels.InApp, Status = DeliveryStatus.Sent, UpdatedAt = now,
                })).ToList();
                actions.Add(DeliveryTally.Add(partition, new Dictionary<string, int> { [DeliveryStatus.Sent] = g.Length }));
                return records.SubmitTransactionAsync(actions);
            }));
        }
        return new Timed(chunks.Sum(c => c.Length), watch.Elapsed);
    }

    private static string User(int recipient) => $"raw-{recipient}";
}
