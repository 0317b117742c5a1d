using System.Collections.Concurrent;
using System.Diagnostics;

namespace Notify.Benchmarks;

public sealed record SendApiFigures(double SendsPerSecond, double P50Ms, double P99Ms);

/// <summary>Concurrent clients each sending one-recipient notifications as fast as answers come back.</summary>
public static class SendApi
{
    public static async Task<SendApiFigures> MeasureAsync(BenchmarkHost host, int clients, int sends)
    {
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
        var elapsed = watch.Elapsed.TotalSeconds;
        var sorted = latencies.Order().ToArray();
        return new SendApiFigures(sends / elapsed, Percentile(sorted, 0.50), Percentile(sorted, 0.99));
    }

    public static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
