using System.Collections.Concurrent;
using System.Diagnostics;
using Azure.Data.Tables;
using Notify.Core.Storage;

namespace Notify.Benchmarks;

/// <summary>
/// What accepting a send costs when every send commits alone: one table write and one queue put, in
/// sequence, from concurrent clients straight at Azurite. The send API is compared with it.
/// </summary>
public static class RawPair
{
    public static async Task<Timed> MeasureAsync(NotifyStorage storage, int clients, int pairs)
    {
        var table = storage.Table(TableNames.Sends);
        var queue = storage.Queue(QueueNames.Sends);
        var latencies = new ConcurrentBag<double>();
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < pairs)
            {
                var started = Stopwatch.GetTimestamp();
                var id = Guid.CreateVersion7().ToString();
                // Keyed as the service keys a send's row: a row key shared by every row would make each write scan them all on Azurite.
                await table.AddEntityAsync(new TableEntity($"raw|{id}", $"{id}|send") { ["Title"] = "raw pair", ["RecipientsJson"] = """[{"id":"raw"}]""" });
                await queue.SendMessageAsync(id);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        return new Timed(pairs, watch.Elapsed, latencies);
    }
}

public sealed record LatencyFigures(double PerSecond, double P50Ms, double P99Ms)
{
    public static LatencyFigures From(Timed timed)
    {
        var sorted = timed.LatenciesMs.Order().ToArray();
        return new LatencyFigures(timed.PerSecond, Percentile(sorted, 0.50), Percentile(sorted, 0.99));
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
