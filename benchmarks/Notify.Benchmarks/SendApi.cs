using System.Collections.Concurrent;
using System.Diagnostics;

namespace Notify.Benchmarks;

/// <param name="Accept">Sends per second and latency of the accepted requests.</param>
/// <param name="Counts">Every storage request from the first send until the pipeline delivered the last one (or, accepting alone, the last answer).</param>
public sealed record SendApiFigures(LatencyFigures Accept, StorageCounts Counts, int Sends);

/// <summary>Concurrent clients each sending one-recipient notifications as fast as answers come back, then the pipeline drained.</summary>
public static class SendApi
{
    private const int WarmUpSends = 500;

    /// <summary>
    /// Sends through an instance whose pipeline delivers them meanwhile, on storage of its own (fresh tables, as the
    /// pair's are) after a warm-up to other users that is delivered first; counts from the first send to the last delivery.
    /// </summary>
    public static async Task<SendApiFigures> MeasureAsync(int clients, int sends)
    {
        await using var host = await BenchmarkHost.StartAsync("meanwhile");
        await AcceptAsync(host, clients, WarmUpSends, "warm");
        await FanOut.Drained(host.Storage);
        host.Counter.Take();
        var accept = await AcceptAsync(host, clients, sends, "api");
        await FanOut.Drained(host.Storage);
        return new SendApiFigures(LatencyFigures.From(accept), host.Counter.Take(), sends);
    }

    /// <summary>
    /// Sends through an instance that only accepts, on storage of its own that nothing else polls, so nothing is
    /// delivered meanwhile, in <paramref name="rounds"/> rounds between rounds of the raw pair on storage of its own
    /// (<see cref="Rounds"/>, as many pairs in all as sends); counts are of the accepting alone, after a warm-up. An
    /// instance with the pipeline then delivers them all.
    /// </summary>
    public static async Task<(LatencyFigures Pair, SendApiFigures Alone)> MeasureAcceptingAloneAsync(int clients, int sends, int rounds)
    {
        await using var acceptor = await BenchmarkHost.StartAsync("alone", withPipeline: false);
        var (pairStorage, _) = await acceptor.RawStorageAsync("rawpair");
        // A new instance: its first requests would time the JIT, not the path; the pair's clients warm up likewise.
        await AcceptAsync(acceptor, clients, WarmUpSends, "warm");
        await RawPair.MeasureAsync(pairStorage, clients, WarmUpSends);
        acceptor.Counter.Take();
        var (pairs, accepts) = await Rounds.AlternateAsync(rounds, sends,
            pairsInRound => RawPair.MeasureAsync(pairStorage, clients, pairsInRound),
            () => AcceptAsync(acceptor, clients, sends / rounds, "api"));
        var counts = acceptor.Counter.Take();
        await using var pipeline = await acceptor.StartPipelineAsync();
        await FanOut.Drained(acceptor.Storage);
        var accepted = Timed.Sum(accepts);
        return (LatencyFigures.From(Timed.Sum(pairs)), new SendApiFigures(LatencyFigures.From(accepted), counts, accepted.Units));
    }

    /// <summary>Each send to one of 500 users named <paramref name="users"/>-n, new to the app the first time.</summary>
    private static async Task<Timed> AcceptAsync(BenchmarkHost sender, int clients, int sends, string users)
    {
        var latencies = new ConcurrentBag<double>();
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            int sent;
            while ((sent = Interlocked.Increment(ref next)) < sends)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await sender.Http.SendAsync(sender.Send(new
                {
                    notification = new { title = "API benchmark" },
                    sendTo = new { recipients = new[] { $"{users}-{sent % 500}" } },
                }));
                response.EnsureSuccessStatusCode();
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        return new Timed(sends, watch.Elapsed, latencies);
    }
}
