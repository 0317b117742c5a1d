namespace Notify.Benchmarks;

/// <summary>
/// What a measured fan-out implies for a 1,000,000-recipient send on one Azure storage account: the
/// slowest of the account's request rate, the hottest partition's entity rate and a queue's message rate.
/// Per-user partitions do not grow with the audience (each user has their own), so only shared
/// partitions are scaled up from the measured send.
/// </summary>
public sealed record AccountModel(double Seconds, string BoundBy, double RequestsPerRecipient, double HottestSharedPartitionEntities,
    double CostPerMillionLow, double CostPerMillionHigh)
{
    public const int Recipients = 1_000_000;
    private const double AccountRequestsPerSecond = 20_000;
    private const double PartitionEntitiesPerSecond = 2_000;
    private const double QueueMessagesPerSecond = 2_000;
    /// <summary>Standard LRS list price per storage transaction ($0.00036 per 10,000), tables and queues alike.</summary>
    private const double DollarsPerTransaction = 0.00036 / 10_000;

    public static AccountModel Of(StorageCounts counts, int recipients)
    {
        var scale = (double)Recipients / recipients;
        var requests = counts.TotalRequests * scale;
        var hottest = counts.Written.Where(w => w.Key.Table != Notify.Core.Storage.TableNames.Users).Select(w => w.Value).DefaultIfEmpty(0).Max() * scale;
        var queueMessages = counts.Requests.Where(r => r.Key.StartsWith("queue ", StringComparison.Ordinal) && r.Key.EndsWith(" POST", StringComparison.Ordinal))
            .Select(r => r.Value).DefaultIfEmpty(0).Max() * scale;
        var bounds = new (string Name, double Seconds)[]
        {
            ("account requests", requests / AccountRequestsPerSecond),
            ("hottest partition", hottest / PartitionEntitiesPerSecond),
            ("queue messages", queueMessages / QueueMessagesPerSecond),
        };
        var bound = bounds.MaxBy(b => b.Seconds);
        // Billed per request when a batch counts as one transaction; per entity when each of its entities does.
        var tableWrites = counts.Requests.Where(r => r.Key.StartsWith("table ", StringComparison.Ordinal)
            && !r.Key.EndsWith(" query", StringComparison.Ordinal) && !r.Key.EndsWith(" read", StringComparison.Ordinal)).Sum(r => r.Value);
        var perEntity = (counts.TotalRequests - tableWrites + counts.EntitiesWritten) * scale;
        return new AccountModel(bound.Seconds, bound.Name, requests / Recipients, hottest,
            requests * DollarsPerTransaction, Math.Max(requests, perEntity) * DollarsPerTransaction);
    }
}
