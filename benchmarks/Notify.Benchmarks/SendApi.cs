using System.Collections.Concurrent;
using System.Diagnostics;

namespace Notify.Benchmarks;

/// <param name="Accept">Sends per second and latency of the accepted requests.</param>
/// <param name="Counts">Every storage request from the first send until the pipeline delivered the last one.</param>
public sealed record SendApiFigures(LatencyFigures Accept, StorageCounts Counts, int Sends);

/// <summary>Concurrent clients each sending one-recipient notifications as fast as answers come back, then the pipeline drained.</summary>
public static class SendApi
{
    public static async Task<SendApiFigures> MeasureAsync(BenchmarkHost host, int clients, int sends)
    {
        host.Counter.Take();
        var latencies = new ConcurrentBag<double>();
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < sends)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await host.Http.SendAsync(host.Send(new
                {
                    notification = new { title = "API benchmark" },
                    sendTo = new { recipients = new[] { $"api-{next % 500}" } },
                }));
                response.EnsureSuccessStatusCode();
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        var accept = LatencyFigures.From(sends / watch.Elapsed.TotalSeconds, latencies);
        await FanOut.Drained(host.Storage);
        return new SendApiFigures(accept, host.Counter.Take(), sends);
    }
}
