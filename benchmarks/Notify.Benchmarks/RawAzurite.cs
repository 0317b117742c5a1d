using System.Diagnostics;
using Azure.Data.Tables;
using Notify.Core.Inbox;
using Notify.Core.Storage;
using Notify.Core.Users;

namespace Notify.Benchmarks;

/// <summary>
/// The ceiling: the storage work the inbox path does per recipient (read the user row, one
/// transaction adding item + id row + user row, the id index), issued straight at Azurite with the
/// same concurrency and none of the service around it.
/// </summary>
public static class RawAzurite
{
    public static async Task<double> RecipientsPerSecondAsync(NotifyStorage storage, int recipients, int concurrency)
    {
        var users = storage.Table(TableNames.Users);
        var index = storage.Table(TableNames.NotificationIndex);
        var now = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, recipients), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
        {
            var partition = TableKeys.User("raw", $"raw-{i}");
            var id = 1_000_000L + i;
            await index.UpsertEntityAsync(new NotificationIndexRow { PartitionKey = TableKeys.NotificationIndex("raw", id), RowKey = $"{id:D16}", UserId = $"raw-{i}" }, cancellationToken: ct);
            await users.GetEntityIfExistsAsync<UserRow>(partition, UserRow.Key, cancellationToken: ct);
            await users.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.Add, new InboxItemRow { PartitionKey = partition, RowKey = TableKeys.InboxItem(now, id), Id = id, Title = "raw" }),
                new(TableTransactionActionType.Add, new InboxIdRow { PartitionKey = partition, RowKey = InboxIdRow.KeyFor(id) }),
                new(TableTransactionActionType.Add, new UserRow { PartitionKey = partition, RowKey = UserRow.Key, TotalCount = 1, UnseenCount = 1 }),
            ], ct);
        });
        return recipients / watch.Elapsed.TotalSeconds;
    }
}
