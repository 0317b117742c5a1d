using System.Diagnostics;
using Azure.Data.Tables;
using Notify.Core.Inbox;
using Notify.Core.Storage;
using Notify.Core.Users;

namespace Notify.Benchmarks;

/// <summary>
/// The ceiling: the storage work the inbox path does, issued straight at Azurite with none of the
/// service around it — per chunk of recipients the id index rows in one transaction per bucket, then per
/// recipient a read of the user row and one transaction adding item, id row and user row.
/// </summary>
public static class RawAzurite
{
    private const int ChunkSize = 250;

    public static async Task<double> RecipientsPerSecondAsync(NotifyStorage storage, int recipients, int concurrency)
    {
        var users = storage.Table(TableNames.Users);
        var index = storage.Table(TableNames.NotificationIndex);
        var now = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        foreach (var chunk in Enumerable.Range(0, recipients).Chunk(ChunkSize))
        {
            await Task.WhenAll(chunk
                .Select(i => new NotificationIndexRow { PartitionKey = TableKeys.NotificationIndex("raw", Id(i)), RowKey = $"{Id(i):D16}", UserId = $"raw-{i}" })
                .GroupBy(row => row.PartitionKey)
                .Select(g => index.SubmitTransactionAsync(g.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)))));
            await Parallel.ForEachAsync(chunk, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
            {
                var partition = TableKeys.User("raw", $"raw-{i}");
                await users.GetEntityIfExistsAsync<UserRow>(partition, UserRow.Key, cancellationToken: ct);
                await users.SubmitTransactionAsync(
                [
                    new(TableTransactionActionType.Add, new InboxItemRow { PartitionKey = partition, RowKey = TableKeys.InboxItem(now, Id(i)), Id = Id(i), Title = "raw" }),
                    new(TableTransactionActionType.Add, new InboxIdRow { PartitionKey = partition, RowKey = InboxIdRow.KeyFor(Id(i)) }),
                    new(TableTransactionActionType.Add, new UserRow { PartitionKey = partition, RowKey = UserRow.Key, TotalCount = 1, UnseenCount = 1 }),
                ], ct);
            });
        }
        return recipients / watch.Elapsed.TotalSeconds;
    }

    private static long Id(int recipient) => 1_000_000L + recipient;
}
