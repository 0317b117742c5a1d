using System.Diagnostics;
using Azure.Data.Tables;
using Notify.Core.Inbox;
using Notify.Core.Storage;
using Notify.Core.Users;

namespace Notify.Benchmarks;

/// <summary>
/// The ceiling: the storage work the inbox path does, issued straight at Azurite with none of the
/// service around it. Per chunk of recipients (in bucket order): the id-index rows in one transaction
/// per bucket, one transaction per recipient (item, id row, counter change, user row merged), and the
/// delivery records with their tally in one transaction per bucket.
/// </summary>
public static class RawAzurite
{
    private const int ChunkSize = 250;

    public static async Task<double> RecipientsPerSecondAsync(NotifyStorage storage, int recipients, int concurrency)
    {
        var users = storage.Table(TableNames.Users);
        var index = storage.Table(TableNames.NotificationIndex);
        var records = storage.Table(TableNames.Deliveries);
        var now = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        var ordered = Enumerable.Range(0, recipients).OrderBy(i => TableKeys.UserBucket(User(i)));
        foreach (var chunk in ordered.Chunk(ChunkSize))
        {
            await Task.WhenAll(chunk.GroupBy(i => TableKeys.NotificationIndex("raw", Id(i))).SelectMany(g => g.Chunk(100)).Select(g =>
                index.SubmitTransactionAsync(g.Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                    new NotificationIndexRow { PartitionKey = TableKeys.NotificationIndex("raw", Id(i)), RowKey = $"{Id(i):D16}", UserId = User(i) })))));
            await Parallel.ForEachAsync(chunk, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
            {
                var partition = TableKeys.User("raw", User(i));
                var item = new InboxItemRow { PartitionKey = partition, RowKey = TableKeys.InboxItem(now, Id(i)), Id = Id(i), Title = "raw", SeenChangedAt = now };
                await users.SubmitTransactionAsync(
                [
                    new(TableTransactionActionType.Add, item),
                    new(TableTransactionActionType.Add, new InboxIdRow { PartitionKey = partition, RowKey = InboxIdRow.KeyFor(Id(i)), ItemRowKey = item.RowKey }),
                    InboxCounters.Record(partition, $"{Id(i):D16}", new InboxDelta(1, 1), now, null),
                    new(TableTransactionActionType.UpsertMerge, new TableEntity(partition, TableKeys.Users.Profile) { [nameof(UserRow.Identifier)] = User(i) }),
                ], ct);
            });
            await Task.WhenAll(chunk.GroupBy(i => TableKeys.Deliveries("raw", "send", User(i))).SelectMany(g => g.Chunk(99)).Select(g =>
            {
                var partition = TableKeys.Deliveries("raw", "send", User(g[0]));
                var actions = g.Select(i => new TableTransactionAction(TableTransactionActionType.Add,
                    new TableEntity(partition, $"d|{User(i)}|inApp") { ["Status"] = "sent" })).ToList();
                actions.Add(new(TableTransactionActionType.Add, new TableEntity(partition, $"t|{Guid.NewGuid():N}") { ["sent"] = g.Length }));
                return records.SubmitTransactionAsync(actions);
            }));
        }
        return recipients / watch.Elapsed.TotalSeconds;
    }

    private static string User(int recipient) => $"raw-{recipient}";

    private static long Id(int recipient) => NotificationIds.For("raw", "send", User(recipient));
}
