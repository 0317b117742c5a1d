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
/// id-index rows in one transaction per bucket and, for a list send, the app-wide audience's member rows in one per
/// member bucket (a topic's members joined it when they were added), one transaction per recipient (item, id row,
/// counter change, user row merged), and the delivery records with their tally in one transaction per bucket. Chunks
/// are written one after another, 32 recipients at a time. Its keys are the service's own (the host's app id, the
/// send's user ids, a send id of a send's length): the emulator compares keys character by character as it scans, and
/// V8 keeps a string of 13 characters or more that was built by concatenation unflattened, so short keys would make
/// the baseline cheaper than the service's work.
/// </summary>
public static class RawAzurite
{
    private const int ChunkSize = 250;

    /// <summary>The raw work of one send: its recipients as the service cuts them, and whether they join the audience.</summary>
    public sealed record Work(IReadOnlyList<string[]> Chunks, bool JoinsAudience);

    /// <summary>
    /// A list send's chunks: 250 recipients at a time in the service's chunk order. How many bucket partitions a chunk
    /// spans, and so how many transactions it takes, depends on the size of the send it is cut from.
    /// </summary>
    public static Work SendChunks(IReadOnlyList<string> users) =>
        new(users.OrderBy(SendService.ChunkOrder).Chunk(ChunkSize).ToList(), JoinsAudience: true);

    /// <summary>A topic send's pages: the members of one member bucket, up to 250 at a time, as the service reads them.</summary>
    public static Work TopicPages(IReadOnlyList<string> members) =>
        new(members.GroupBy(user => TableKeys.BucketOf(user, TopicMemberStore.BucketCount))
            .SelectMany(bucket => bucket.OrderBy(TableKeys.UserBucket).Chunk(ChunkSize)).ToList(), JoinsAudience: false);

    public static async Task<Timed> WriteAsync(NotifyStorage storage, string app, Work work, int concurrency)
    {
        var (chunks, joinsAudience) = work;
        var users = storage.Table(TableNames.Users);
        var index = storage.Table(TableNames.NotificationIndex);
        var records = storage.Table(TableNames.Deliveries);
        var members = storage.Table(TableNames.TopicMembers);
        string AudienceBucket(string user) => TableKeys.TopicBucket(app, AppAudience.TopicId, TableKeys.BucketOf(user, TopicMemberStore.BucketCount));
        var now = DateTimeOffset.UtcNow;
        var send = Guid.CreateVersion7().ToString();
        long Id(string user) => NotificationIds.For(app, send, user);
        var watch = Stopwatch.StartNew();
        foreach (var chunk in chunks)
        {
            await Task.WhenAll(chunk.GroupBy(user => TableKeys.NotificationIndex(app, Id(user))).SelectMany(g => g.Chunk(100)).Select(g =>
                index.SubmitTransactionAsync(g.Select(user => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                    new NotificationIndexRow { PartitionKey = TableKeys.NotificationIndex(app, Id(user)), RowKey = TableKeys.NotificationIndexRow(Id(user)), UserId = user })))));
            if (joinsAudience)
                await Task.WhenAll(chunk.GroupBy(AudienceBucket).SelectMany(g => g.Chunk(100)).Select(g =>
                    members.SubmitTransactionAsync(g.Select(user => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                        new TopicMemberRow { PartitionKey = AudienceBucket(user), RowKey = TableKeys.Encode(user), UserId = user, InAudience = true })))));
            await Parallel.ForEachAsync(chunk, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (user, ct) =>
            {
                var partition = TableKeys.User(app, user);
                var item = new InboxItemRow { PartitionKey = partition, RowKey = TableKeys.InboxItem(now, Id(user)), Id = Id(user), SendId = send, Title = "Fan-out benchmark", CreatedAt = now, SeenChangedAt = now };
                await users.SubmitTransactionAsync(
                [
                    new(TableTransactionActionType.Add, item),
                    new(TableTransactionActionType.Add, new InboxIdRow { PartitionKey = partition, RowKey = InboxIdRow.KeyFor(Id(user)), ItemRowKey = item.RowKey }),
                    InboxCounters.Record(partition, $"{Id(user):D16}", new InboxDelta(1, 1), now, null),
                    new(TableTransactionActionType.UpsertMerge, new TableEntity(partition, TableKeys.Users.Profile) { [nameof(UserRow.Identifier)] = user }),
                ], ct);
            });
            await Task.WhenAll(chunk.GroupBy(user => TableKeys.Deliveries(app, send, user)).SelectMany(g => g.Chunk(99)).Select(g =>
            {
                var partition = TableKeys.Deliveries(app, send, g[0]);
                var actions = g.Select(user => new TableTransactionAction(TableTransactionActionType.Add, new DeliveryRow
                {
                    PartitionKey = partition, RowKey = TableKeys.DeliveryRecords.Record(user, DeliveryChannels.InApp),
                    UserId = user, Channel = DeliveryChannels.InApp, Status = DeliveryStatus.Sent, UpdatedAt = now,
                })).ToList();
                actions.Add(DeliveryTally.Add(partition, new Dictionary<string, int> { [DeliveryStatus.Sent] = g.Length }));
                return records.SubmitTransactionAsync(actions);
            }));
        }
        return new Timed(chunks.Sum(c => c.Length), watch.Elapsed);
    }
}
