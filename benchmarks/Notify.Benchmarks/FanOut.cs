using System.Diagnostics;
using Notify.Core.Storage;

namespace Notify.Benchmarks;

public sealed record FanOutFigures(double RecipientsPerSecond, StorageCounts Counts, int Recipients);

/// <summary>One send to many recipients, timed and counted from the request until the pipeline's queues are drained.</summary>
public static class FanOut
{
    public static async Task<FanOutFigures> MeasureAsync(BenchmarkHost host, int recipients)
    {
        host.Counter.Take();
        var watch = Stopwatch.StartNew();
        using var response = await host.Http.SendAsync(host.Send(new
        {
            notification = new { title = "Fan-out benchmark" },
            sendTo = new { recipients = Enumerable.Range(0, recipients).Select(i => $"fan-{i}") },
        }));
        response.EnsureSuccessStatusCode();
        await Drained(host.Storage);
        return new FanOutFigures(recipients / watch.Elapsed.TotalSeconds, host.Counter.Take(), recipients);
    }

    /// <summary>Waits until no message is left on the pipeline's queues, in flight ones included.</summary>
    public static async Task Drained(NotifyStorage storage)
    {
        while (true)
        {
            var counts = await Task.WhenAll(QueueNames.All.Select(async q => (await storage.Queue(q).GetPropertiesAsync()).Value.ApproximateMessagesCount));
            if (counts.All(c => c == 0)) return;
            await Task.Delay(50);
        }
    }
}
