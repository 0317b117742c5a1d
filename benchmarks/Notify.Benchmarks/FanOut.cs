using System.Diagnostics;
using Notify.Core.Storage;
using Notify.SelfHost.Queues;

namespace Notify.Benchmarks;

/// <summary>One send to many recipients: its time from the request until the pipeline's queues were drained, and what it cost.</summary>
public sealed record FanOutFigures(TimeSpan Elapsed, StorageCounts Counts, int Recipients);

/// <summary>
/// A fan-out part of the run: its sends and the raw baseline's rounds, each on tables of its own. Rates are of the
/// rounds taken together; the hottest partition is of one send.
/// </summary>
public sealed record FanOutRun(IReadOnlyList<FanOutFigures> Sends, IReadOnlyList<Timed> Raw, StorageCounts RawCounts)
{
    /// <summary>
    /// Recipients a raw round writes at once. The emulator answers on one thread and does less the more requests wait
    /// on it (runs AA: raw rounds of 128 at once did about 9 % fewer recipients a second than of 32), so the service is
    /// held to about as many requests in flight (<see cref="DeliveryParallelism"/>).
    /// </summary>
    private const int InFlight = 32;

    /// <summary>
    /// Recipients each chunk's delivery works on at once. The pollers take a batch of chunks (host.json
    /// <c>batchSize</c>) and more once few are left, so four to six run at once: at <see cref="InFlight"/> / batchSize a
    /// send kept 29–31 requests in flight on average, a raw round 25 (runs AA). The service's default keeps 70–95.
    /// </summary>
    public static readonly int DeliveryParallelism =
        Math.Max(1, InFlight / HostJson.ReadQueueOptions(Path.Combine(AppContext.BaseDirectory, "host.json")).BatchSize);

    /// <summary>
    /// <paramref name="rounds"/> sends of <paramref name="sendSize"/> and as many raw rounds of the same work, each on
    /// tables of its own, in the order raw, send, send, raw, raw, send…: Azurite's cost of a write grows with the rows its
    /// table holds (a point write scans every row with the same row key: each user's row, say), so rounds on fresh tables
    /// all meet the same conditions, and the order evens out what is left (the emulator's memory, its own and the .NET
    /// process's garbage). Half a send and a raw round on tables of their own come first, untimed: the first of each
    /// would time the JIT.
    /// </summary>
    /// <param name="send">Sends to <c>recipients</c> users (or topic members) named by <see cref="FanOut.Users"/> after <c>name</c>, through the host.</param>
    /// <param name="rawWork">The raw work of a send to these users (named as the round's send names them), cut as the service cuts that send's.</param>
    /// <param name="afterLast">More work on the last send's host, with its users in place.</param>
    public static async Task<FanOutRun> MeasureAsync(string part, int rounds, int sendSize,
        Func<BenchmarkHost, int, string, Task<FanOutFigures>> send, Func<IReadOnlyList<string>, RawAzurite.Work> rawWork, Func<BenchmarkHost, Task> afterLast)
    {
        RawAzurite.Work WorkOf(string name) => rawWork(FanOut.Users(name, sendSize));
        await using (var warm = await BenchmarkHost.StartAsync($"{part}warm", deliveryParallelism: DeliveryParallelism))
        {
            await RawAzurite.WriteAsync((await warm.RawStorageAsync($"{part}warmraw")).Storage, warm.AppId, WorkOf("warm"), InFlight);
            await send(warm, sendSize / 2, "warm");
        }
        var raws = new List<Timed>();
        var rawCounts = new List<StorageCounts>();
        var sends = new List<FanOutFigures>();
        for (var round = 0; round < rounds; round++)
        {
            await using var host = await BenchmarkHost.StartAsync($"{part}{round}", deliveryParallelism: DeliveryParallelism);
            var raw = async () =>
            {
                await SettleAsync();
                var (storage, counter) = await host.RawStorageAsync($"{part}raw{round}");
                raws.Add(await RawAzurite.WriteAsync(storage, host.AppId, WorkOf($"{part}{round}"), InFlight));
                rawCounts.Add(counter.Take());
            };
            if (round % 2 == 0) await raw();
            await SettleAsync();
            sends.Add(await send(host, sendSize, $"{part}{round}"));
            if (round % 2 == 1) await raw();
            if (round == rounds - 1) await afterLast(host);
        }
        return new FanOutRun(sends, raws, StorageCounts.Sum(rawCounts));
    }

    /// <summary>
    /// Lets what the previous phase left behind clear before the next is timed: the garbage of both processes (see
    /// <see cref="EmulatorHeap"/>), the emulator's queued work and the finalizers of disposed hosts. Every raw round and
    /// every send waits alike.
    /// </summary>
    private static async Task SettleAsync()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        await EmulatorHeap.CollectAsync();
        await Task.Delay(TimeSpan.FromSeconds(3));
    }

    public int Recipients => Sends.Sum(s => s.Recipients);
    public double RecipientsPerSecond => Recipients / Sends.Sum(s => s.Elapsed.TotalSeconds);
    public double RawPerSecond => Timed.Sum(Raw).PerSecond;
    public double RawRequestsPerRecipient => (double)RawCounts.TotalRequests / Timed.Sum(Raw).Units;
    public double Ratio => RecipientsPerSecond / RawPerSecond;
    public StorageCounts Counts => StorageCounts.Sum(Sends.Select(s => s.Counts));

    /// <summary>The send whose hottest partition took the largest share of that send's entities.</summary>
    public FanOutFigures Hottest => Sends.MaxBy(s => s.Counts.HottestShare)!;
}

/// <summary>One send to many recipients, timed and counted from the request until the pipeline's queues are drained.</summary>
public static class FanOut
{
    /// <summary>
    /// The ids of a send's users (or a topic's members), <paramref name="name"/>-n: the raw round beside that send writes
    /// under the same ids, since the emulator's cost depends on the keys' length.
    /// </summary>
    public static IReadOnlyList<string> Users(string name, int count) => Enumerable.Range(0, count).Select(i => $"{name}-{i}").ToList();

    /// <summary>Sends to <paramref name="recipients"/> users named <paramref name="users"/>-n.</summary>
    public static async Task<FanOutFigures> MeasureAsync(BenchmarkHost host, int recipients, string users)
    {
        host.Counter.Take();
        var watch = Stopwatch.StartNew();
        using var response = await host.Http.SendAsync(host.Send(new
        {
            notification = new { title = "Fan-out benchmark" },
            sendTo = new { recipients = Users(users, recipients) },
        }));
        response.EnsureSuccessStatusCode();
        await Drained(host.Storage);
        return new FanOutFigures(watch.Elapsed, host.Counter.Take(), recipients);
    }

    /// <summary>
    /// Waits until no message is left on the pipeline's queues, in flight ones included. A look stops at the first queue
    /// that holds any, so that watching adds few requests to the store the work is timed on.
    /// </summary>
    public static async Task Drained(NotifyStorage storage)
    {
        while (true)
        {
            var empty = true;
            foreach (var queue in QueueNames.All)
            {
                if ((await storage.Queue(queue).GetPropertiesAsync()).Value.ApproximateMessagesCount == 0) continue;
                empty = false;
                break;
            }
            if (empty) return;
            await Task.Delay(50);
        }
    }
}
