namespace Notify.Benchmarks;

/// <summary>The human-readable lines; the JSON line at the end carries the same figures.</summary>
public static class Report
{
    public static void FanOut(string name, FanOutRun run)
    {
        var counts = run.Counts;
        var hottest = run.Hottest.Counts;
        Console.WriteLine($"raw Azurite in the {name} rounds: {run.RawPerSecond:F0} recipients/s " +
            $"({string.Join(", ", run.Raw.Select(r => $"{r.Units} at {r.PerSecond:F0}/s"))}), {run.RawRequestsPerRecipient:F3} storage requests per recipient");
        Console.WriteLine($"{name}, {FanOutRun.DeliveryParallelism} recipients a chunk at once: {run.RecipientsPerSecond:F0} recipients/s ({run.Ratio:P0} of raw; sends of " +
            $"{string.Join(", ", run.Sends.Select(s => $"{s.Recipients} at {s.Recipients / s.Elapsed.TotalSeconds:F0}/s"))}), " +
            $"{(double)counts.TotalRequests / run.Recipients:F3} storage requests, {(double)counts.EntitiesWritten / run.Recipients:F2} entities written " +
            $"and {(double)counts.EntitiesRead / run.Recipients:F2} read per recipient, {counts.EmptyReceives} empty queue receives");
        Console.WriteLine($"  hottest partition of a send: {hottest.Hottest.Key.Table} {hottest.Hottest.Key.Partition}, {hottest.Hottest.Entities} entities, {hottest.HottestShare:P2} of the send's");
        foreach (var (kind, n) in counts.Requests.Where(r => !r.Key.StartsWith("scope ", StringComparison.Ordinal)).OrderByDescending(r => r.Value))
            Console.WriteLine($"  {kind}: {n}");
    }

    /// <param name="delivered">Whether the counts run until the pipeline delivered the sends, or end with the last answer.</param>
    public static void SendApi(string what, SendApiFigures api, LatencyFigures pair, bool delivered)
    {
        var counts = api.Counts;
        Console.WriteLine($"{what}: {api.Accept.PerSecond:F0} sends/s ({api.Accept.PerSecond / pair.PerSecond:F2}× the pair), " +
            $"p50 {api.Accept.P50Ms:F1} ms, p99 {api.Accept.P99Ms:F1} ms ({api.Accept.P99Ms / pair.P99Ms:F2}× the pair's)");
        Console.WriteLine(delivered
            ? $"  {(double)counts.InScope("api") / api.Sends:F3} storage requests per accepted send, " +
              $"{(double)counts.TotalRequests / api.Sends:F3} per send from request to inbox ({counts.EmptyReceives} of them empty queue receives)"
            : $"  {(double)counts.TotalRequests / api.Sends:F3} storage requests per accepted send");
        foreach (var (kind, n) in counts.Requests.Where(r => !r.Key.StartsWith("scope ", StringComparison.Ordinal)).OrderByDescending(r => r.Value))
            Console.WriteLine($"  {kind}: {n}");
    }
}
