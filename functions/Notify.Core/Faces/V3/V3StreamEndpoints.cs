using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Notify.Core.Faces.Kit;
using Notify.Core.Live;
using static Notify.Core.Faces.V3.V3Results;

namespace Notify.Core.Faces.V3;

/// <summary>
/// The live inbox (a documented extension of v3): <c>POST /v3/notifications/stream-tickets</c> issues a single-use
/// ticket, and <c>GET /v3/notifications/stream</c> streams server-sent events, authenticated by the inbox headers or
/// by <c>?apiKey=…&amp;userId=…&amp;ticket=…</c> (an EventSource cannot send headers). Events (JSON data, each with
/// an id to resume after): <c>ready</c>, <c>notification.created</c>, <c>notification.updated</c>,
/// <c>notification.deleted</c>, <c>counts</c>, <c>resync</c> (reload the list: what was missed is not known here)
/// and <c>reconnect</c> (the stream's time is up: open a new one with <c>lastEventId</c>).
/// </summary>
public sealed class V3StreamEndpoints(V3Call call, V3Authenticator auth, StreamTickets tickets, LiveInboxes live, IOptions<LiveOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(3);

    public Task<Results<Created<V3StreamTicket>, V3Error>> IssueTicketAsync(HttpRequest request, CancellationToken ct) =>
        call.RunAsync<InboxCaller, Created<V3StreamTicket>>(request, (r, t) => auth.InboxAsync(r, userRequired: true, t), async caller =>
            await tickets.IssueAsync(caller.App.Id, caller.UserId!, ct) is { } ticket
                ? TypedResults.Created((string?)null, new V3StreamTicket(ticket.Value, ticket.ExpiresAt))
                : Error(StatusCodes.Status429TooManyRequests, "Too many unused stream tickets; use one or let them expire"), ct);

    public Task<Results<EventStreamResult, V3Error>> StreamAsync(HttpRequest request, CancellationToken ct) =>
        call.RunAsync<InboxCaller, EventStreamResult>(request, StreamCaller, async caller =>
        {
            var lastEventId = request.Headers["Last-Event-ID"].FirstOrDefault() ?? request.Query["lastEventId"].FirstOrDefault();
            var (stream, refusal) = await live.OpenAsync(caller.App.Id, caller.UserId!, lastEventId, ct);
            return refusal switch
            {
                StreamRefusal.TooManyForUser => Error(StatusCodes.Status429TooManyRequests, "Too many open streams for this user"),
                StreamRefusal.ProcessFull => Error(StatusCodes.Status503ServiceUnavailable, "No stream can be opened now; poll the inbox instead"),
                _ => new EventStreamResult(context => RunAsync(stream!, lastEventId is null, context)),
            };
        }, ct);

    private Task<Authenticated<InboxCaller, V3Error>> StreamCaller(HttpRequest request, CancellationToken ct) =>
        request.Query.ContainsKey("ticket") ? auth.TicketAsync(request, ct) : auth.InboxAsync(request, userRequired: true, ct);

    private async Task RunAsync(LiveStream stream, bool fresh, HttpContext context)
    {
        using var _ = stream;
        var ct = context.RequestAborted;
        var start = stream.Start;
        var events = await new EventStream(context.Response, clock).StartAsync(Retry, ct);
        if (start.Resync) await events.SendAsync("resync", V3StreamCounts.From(start.Counts), start.LastId, ct);
        else if (fresh) await events.SendAsync("ready", V3StreamCounts.From(start.Counts), start.LastId, ct);
        foreach (var e in start.Missed) await SendAsync(events, start, e, ct);
        var ends = clock.GetUtcNow().AddSeconds(options.Value.StreamSeconds);
        while (clock.GetUtcNow() < ends)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var next = TimeSpan.FromTicks(Math.Min(events.UntilKeepAlive.Ticks, (ends - clock.GetUtcNow()).Ticks));
            wait.CancelAfter(TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, next.Ticks)));
            try
            {
                // Completed: this stream fell too far behind; the client reconnects and is told to resync.
                if (!await start.Events.WaitToReadAsync(wait.Token)) break;
                while (start.Events.TryRead(out var e)) await SendAsync(events, start, e, ct);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                await events.KeepAliveIfQuietAsync(ct);
            }
        }
        await events.SendAsync("reconnect", new V3StreamEnd((int)Retry.TotalMilliseconds), null, ct);
    }

    private static Task SendAsync(EventStream events, StreamStart start, LiveEvent e, CancellationToken ct)
    {
        var counts = V3StreamCounts.From(e.Counts);
        return e.Kind switch
        {
            LiveEventKind.Added => events.SendAsync("notification.created", new V3StreamItem(InboxItemView.From(e.Item!), counts.UnreadCount, counts.TotalCount), start.IdOf(e), ct),
            LiveEventKind.Changed => events.SendAsync("notification.updated", new V3StreamItem(InboxItemView.From(e.Item!), counts.UnreadCount, counts.TotalCount), start.IdOf(e), ct),
            LiveEventKind.Deleted => events.SendAsync("notification.deleted", new V3StreamDeletion(e.ItemId!.Value, counts.UnreadCount, counts.TotalCount), start.IdOf(e), ct),
            _ => events.SendAsync("counts", counts, start.IdOf(e), ct),
        };
    }
}

public sealed record V3StreamTicket(string Ticket, DateTimeOffset ExpiresAt);

public sealed record V3StreamCounts(int UnreadCount, int TotalCount)
{
    public static V3StreamCounts From(LiveCounts counts) => new(counts.Unread, counts.Total);
}

public sealed record V3StreamItem(InboxItemView Notification, int UnreadCount, int TotalCount);

public sealed record V3StreamDeletion(long Id, int UnreadCount, int TotalCount);

public sealed record V3StreamEnd(int RetryMilliseconds);
