using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;

namespace Notify.Benchmarks;

public sealed record MessagesSendFigures(double MessagesPerSecond, double BatchP50Ms, double BatchP99Ms, double RequestsPerMessage, double V3RequestsPerSend);

/// <summary>
/// The batch API: concurrent clients each posting batches of in-app messages to <c>/messages.send</c> (which
/// answers once the inbox items are written), and the storage requests a message costs, beside those of one
/// single-recipient v3 send carried through the whole pipeline.
/// </summary>
public static class MessagesSendApi
{
    private const int BatchSize = 50;
    private const int Users = 2_000;

    public static async Task<MessagesSendFigures> MeasureAsync(BenchmarkHost host, int clients, int batches, int v3Sends)
    {
        await host.CallAsync(host.Backend(HttpMethod.Post, "v3/templates", new
        {
            identifier = "bench", locales = new { en = new { inApp = new { title = "Hello {{ user.firstName }}", message = "{{ data.n }}" } } },
        }));
        await FanOut.Drained(host.Storage);
        host.Counter.Take();
        var latencies = new ConcurrentBag<double>();
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            int batch;
            while ((batch = Interlocked.Increment(ref next)) < batches)
            {
                var messages = Enumerable.Range(0, BatchSize).Select(i => new
                {
                    notificationId = "bench", userId = $"batch-{(batch * BatchSize + i) % Users}", userFirstName = "Bench", data = new { n = i },
                });
                var started = Stopwatch.GetTimestamp();
                var request = new HttpRequestMessage(HttpMethod.Post, "messages.send") { Content = JsonContent.Create(new { messages }) };
                request.Headers.Add("Authorization", $"Bearer {host.ApiSecret}");
                await host.CallAsync(request);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        var elapsed = watch.Elapsed;
        await FanOut.Drained(host.Storage);
        var perMessage = host.Counter.Take().WithoutQueueReads / (double)(batches * BatchSize);

        await Task.WhenAll(Enumerable.Range(0, v3Sends).Select(i => host.CallAsync(host.Send(new
        {
            notification = new { title = "Cost benchmark" }, sendTo = new { recipients = new[] { $"batch-{i % Users}" } },
        }))));
        await FanOut.Drained(host.Storage);
        var perV3Send = host.Counter.Take().WithoutQueueReads / (double)v3Sends;

        var latency = LatencyFigures.From(new Timed(batches * BatchSize, elapsed, latencies));
        return new MessagesSendFigures(latency.PerSecond, latency.P50Ms, latency.P99Ms, perMessage, perV3Send);
    }
}
