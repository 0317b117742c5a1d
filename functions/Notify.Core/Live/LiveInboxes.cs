using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Notify.Core.Inbox;

namespace Notify.Core.Live;

public enum StreamRefusal { None, TooManyForUser, ProcessFull }

/// <summary>
/// Opens live streams on users' inboxes: one <see cref="InboxWatch"/> and one refresh loop per watched user in this
/// process, however many streams that user has open here. The loop waits <see cref="LiveOptions.CheckSeconds"/> or
/// until this process writes to the inbox; a watch left without streams stops reading and is dropped after
/// <see cref="LiveOptions.ResumeSeconds"/>.
/// </summary>
public sealed class LiveInboxes(InboxStore inbox, InboxSignals signals, IOptions<LiveOptions> options, TimeProvider clock, ILogger<LiveInboxes> logger)
{
    private static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(10);
    private readonly Lock sweepGate = new();
    private DateTimeOffset nextSweep;
    private int open;

    public async Task<(LiveStream? Stream, StreamRefusal Refusal)> OpenAsync(string appId, string userId, string? lastEventId, CancellationToken ct)
    {
        Sweep();
        if (Interlocked.Increment(ref open) > options.Value.MaxStreams)
        {
            Interlocked.Decrement(ref open);
            return (null, StreamRefusal.ProcessFull);
        }
        InboxWatch Watch() => signals.GetOrAdd(appId, userId, () => new InboxWatch(appId, userId, inbox));
        var watch = Watch();
        var reservation = watch.TryReserve(options.Value.StreamsPerUser);
        while (reservation == Reservation.Retired)
        {
            // The sweep retired this watch meanwhile: take it out of the signals (if the sweep has not yet) and get a new one.
            signals.Remove(watch);
            watch = Watch();
            reservation = watch.TryReserve(options.Value.StreamsPerUser);
        }
        if (reservation == Reservation.Full)
        {
            Interlocked.Decrement(ref open);
            return (null, StreamRefusal.TooManyForUser);
        }
        StreamStart start;
        try
        {
            // Brings an idle watch up to date first, so what this stream missed is among the kept events.
            await watch.RefreshAsync(ct);
            start = watch.Open(lastEventId);
        }
        catch
        {
            watch.Release(clock.GetUtcNow());
            Interlocked.Decrement(ref open);
            throw;
        }
        if (watch.TryStartLoop()) _ = Task.Run(() => LoopAsync(watch), CancellationToken.None);
        return (new LiveStream(start, () => Close(watch, start)), StreamRefusal.None);
    }

    private void Close(InboxWatch watch, StreamStart start)
    {
        watch.Close(start, clock.GetUtcNow());
        Interlocked.Decrement(ref open);
    }

    private async Task LoopAsync(InboxWatch watch)
    {
        var check = TimeSpan.FromSeconds(options.Value.CheckSeconds);
        while (watch.KeepLooping())
        {
            try
            {
                await watch.WaitAsync(check, CancellationToken.None);
                await watch.RefreshAsync(CancellationToken.None);
            }
            catch (Exception e)
            {
                // A storage hiccup must not end the watch: its streams keep their heartbeat and the next round reads again.
                logger.LogWarning(e, "Live refresh of an inbox of app {AppId} failed", watch.AppId);
            }
        }
    }

    private void Sweep()
    {
        var now = clock.GetUtcNow();
        lock (sweepGate)
        {
            if (now < nextSweep) return;
            nextSweep = now + SweepEvery;
        }
        var resume = TimeSpan.FromSeconds(options.Value.ResumeSeconds);
        foreach (var watch in signals.All.Where(w => w.TryRetire(now - resume)))
            signals.Remove(watch);
    }
}

/// <summary>An open stream: its start and events (<see cref="Start"/>); disposing it closes it.</summary>
public sealed class LiveStream(StreamStart start, Action close) : IDisposable
{
    private int closed;

    public StreamStart Start => start;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref closed, 1) == 0) close();
    }
}
