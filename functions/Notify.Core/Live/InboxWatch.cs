using System.Threading.Channels;
using Notify.Core.Inbox;

namespace Notify.Core.Live;

/// <summary>
/// One user's inbox as this process's streams see it: the head of the inbox (its newest <see cref="Window"/> items)
/// and the counts, refreshed by one loop for all of the user's streams here. A refresh reads the inbox version (one
/// small read); only when it moved does it read the head again and turn the difference into events. Events are
/// numbered and the last <see cref="Kept"/> are kept, so a stream that reconnects here resumes where it left off.
/// </summary>
public sealed class InboxWatch(string appId, string userId, InboxStore inbox)
{
    /// <summary>Items a refresh compares: the page a client shows first.</summary>
    public const int Window = 20;

    private const int Kept = 200;
    private const int StreamBuffer = 500;

    private readonly Lock gate = new();
    private readonly SemaphoreSlim refreshing = new(1, 1);
    private readonly SemaphoreSlim woken = new(0, 1);
    private readonly List<Channel<LiveEvent>> streams = [];
    private readonly Queue<LiveEvent> kept = new();
    private HashSet<long> deletedHere = [];
    private IReadOnlyList<InboxItemRow> head = [];
    private string? version;
    private long sequence;
    private bool looping;
    private int reserved;
    private bool retired;

    public string AppId => appId;
    public string UserId => userId;

    /// <summary>Tells one stream from another watch's, so a Last-Event-ID from another process or an older watch asks for a resync.</summary>
    public string Epoch { get; } = Guid.NewGuid().ToString("N")[..12];

    public LiveCounts Counts { get; private set; }
    public int StreamCount { get { lock (gate) return streams.Count + reserved; } }
    public DateTimeOffset IdleSince { get; private set; } = DateTimeOffset.MaxValue;

    private string IdOf(long sequence) => $"{Epoch}-{sequence}";

    /// <summary>This process changed the inbox: wakes the refresh, and remembers a deletion, which may lie beyond the head.</summary>
    public void Written(InboxWritten written)
    {
        if (written is { Kind: InboxWriteKind.Deleted, ItemId: { } id })
            lock (gate) deletedHere.Add(id);
        try
        {
            woken.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken; the coming refresh sees this write too.
        }
    }

    /// <summary>Waits until a write of this process or <paramref name="delay"/>, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan delay, CancellationToken ct) => woken.WaitAsync(delay, ct);

    /// <summary>
    /// Holds a place for a stream about to open (its <see cref="Open"/> takes the place), within <paramref name="max"/>
    /// streams a user, so concurrent opens cannot pass the limit. A held place keeps the watch from being retired.
    /// </summary>
    public Reservation TryReserve(int max)
    {
        lock (gate)
        {
            if (retired) return Reservation.Retired;
            if (streams.Count + reserved >= max) return Reservation.Full;
            reserved++;
            IdleSince = DateTimeOffset.MaxValue;
            return Reservation.Held;
        }
    }

    /// <summary>Gives back a place whose stream did not open.</summary>
    public void Release(DateTimeOffset now)
    {
        lock (gate)
        {
            reserved--;
            if (streams.Count + reserved == 0) IdleSince = now;
        }
    }

    /// <summary>Retires the watch when nothing holds it and it has been idle since <paramref name="idleBefore"/>; a retired watch takes no stream.</summary>
    public bool TryRetire(DateTimeOffset idleBefore)
    {
        lock (gate) return retired = retired || (streams.Count + reserved == 0 && IdleSince < idleBefore);
    }

    /// <summary>
    /// Adds a stream in the place <see cref="TryReserve"/> held. With a <paramref name="lastEventId"/> of this watch still kept, the events after it come first;
    /// otherwise (none given, another process's, too old) <see cref="StreamStart.Resync"/> says the client must reload.
    /// </summary>
    public StreamStart Open(string? lastEventId)
    {
        var channel = Channel.CreateBounded<LiveEvent>(new BoundedChannelOptions(StreamBuffer) { SingleReader = true });
        lock (gate)
        {
            var after = Resumes(lastEventId);
            var missed = after is { } from ? kept.Where(e => e.Sequence > from).ToList() : [];
            reserved--;
            streams.Add(channel);
            return new StreamStart(channel, Epoch, missed, lastEventId is not null && after is null, Counts, IdOf(sequence));
        }
    }

    /// <summary>True for the one caller that must start the refresh loop (none runs, and streams are open).</summary>
    public bool TryStartLoop()
    {
        lock (gate)
        {
            if (looping || streams.Count == 0) return false;
            return looping = true;
        }
    }

    /// <summary>Whether the loop goes on; it stops, and says so, once no stream is left.</summary>
    public bool KeepLooping()
    {
        lock (gate) return looping = streams.Count > 0;
    }

    public void Close(StreamStart stream, DateTimeOffset now)
    {
        lock (gate)
        {
            streams.Remove(stream.Channel);
            if (streams.Count == 0) IdleSince = now;
        }
    }

    /// <summary>
    /// Reads the version and, when it moved (or this process deleted something), the head; publishes what changed.
    /// The first refresh only sets the baseline.
    /// </summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        await refreshing.WaitAsync(ct);
        try
        {
            var current = await inbox.VersionAsync(appId, userId, ct);
            HashSet<long> deleted;
            lock (gate) (deleted, deletedHere) = (deletedHere, []);
            if (current == version && deleted.Count == 0) return;
            var page = await inbox.ListAsync(appId, userId, 1, Window, null, null, ct);
            var counts = new LiveCounts(page.UnreadCount, page.TotalCount);
            var changes = version is null ? [] : InboxDiff.Between(head, page.Items, Window, deleted);
            lock (gate)
            {
                var countsMoved = version is not null && counts != Counts;
                (head, version, Counts) = (page.Items, current, counts);
                foreach (var (kind, item, id) in changes) Publish(kind, item, id);
                // Every item event carries the counts; a counts event is only for changes beyond the head.
                if (countsMoved && changes.Count == 0) Publish(LiveEventKind.Counts, null, null);
            }
        }
        finally
        {
            refreshing.Release();
        }
    }

    private void Publish(LiveEventKind kind, InboxItemRow? item, long? id)
    {
        var e = new LiveEvent(++sequence, kind, item, id ?? item?.Id, Counts);
        kept.Enqueue(e);
        if (kept.Count > Kept) kept.Dequeue();
        foreach (var stream in streams)
            if (!stream.Writer.TryWrite(e))
                stream.Writer.TryComplete(); // A stream this far behind starts again with a resync.
    }

    /// <summary>The sequence to resume after, when <paramref name="lastEventId"/> is this watch's and nothing since was dropped.</summary>
    private long? Resumes(string? lastEventId)
    {
        if (lastEventId is null || !lastEventId.StartsWith(Epoch + "-", StringComparison.Ordinal)
            || !long.TryParse(lastEventId.AsSpan(Epoch.Length + 1), out var seq) || seq > sequence) return null;
        var oldest = kept.Count == 0 ? sequence + 1 : kept.Peek().Sequence;
        return seq >= oldest - 1 ? seq : null;
    }
}

/// <summary>
/// A stream's start: the events it missed, whether it must reload instead, the counts now, and the id it has seen
/// up to; then <see cref="Events"/> as they happen (completed when the stream fell too far behind).
/// </summary>
public sealed record StreamStart(Channel<LiveEvent> Channel, string Epoch, IReadOnlyList<LiveEvent> Missed, bool Resync, LiveCounts Counts, string LastId)
{
    public ChannelReader<LiveEvent> Events => Channel.Reader;

    /// <summary>The event's id as the browser keeps it (Last-Event-ID).</summary>
    public string IdOf(LiveEvent e) => $"{Epoch}-{e.Sequence}";
}

/// <summary>What <see cref="InboxWatch.TryReserve"/> gave: a place, none (the user's streams are at the limit), or a retired watch to replace.</summary>
public enum Reservation { Held, Full, Retired }
