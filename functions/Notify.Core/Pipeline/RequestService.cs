using Notify.Core.Content;
using Notify.Core.Audience;
using Notify.Core.Inbox;
using Notify.Core.Requests;
using Notify.Core.Sends;
using Notify.Core.Storage;
using Notify.Core.Topics;

namespace Notify.Core.Pipeline;

/// <summary>
/// Notification requests over the send pipeline: a request is a send whose items carry actions, plus a
/// request row. Receivers, the app's whole audience (broadcast) and groups (topics) all fan out as a
/// send's recipients and topics do.
/// </summary>
public sealed class RequestService(
    SendService sendService, SendStore sends, SendProgress progress, RequestStore requests, ReceiverResolver resolver, TopicStore topics,
    OpenReceipts receipts, NotifyStorage storage)
{
    private static readonly string[] Stoppable = [SendStatus.Scheduled, SendStatus.Accepted, SendStatus.FannedOut];

    public async Task<(StoredRequest? Request, RequestRejection? Rejection)> CreateAsync(string appId, NotificationRequest request, CancellationToken ct)
    {
        var missing = new List<string>();
        foreach (var group in request.Groups.Distinct())
            if (await topics.GetAsync(appId, group, ct) is null) missing.Add($"group {group} does not exist");
        if (missing.Count > 0) return (null, new RequestRejection(missing));
        var recipients = await resolver.ResolveAsync(appId, request.Receivers, ct);
        var send = new SendRequest(new NotificationContent(request.Title, request.Content), null, recipients)
        {
            TopicIds = [.. request.Groups.Distinct(), .. request.Broadcast ? new[] { AppAudience.TopicId } : []],
            SendAt = request.SendAt,
            Actions = request.Actions,
        };
        var sendId = await sendService.AcceptAsync(appId, send, ct);
        var stored = (await sends.GetAsync(appId, sendId, ct))!;
        var row = new RequestRow
        {
            Name = request.Name,
            Broadcast = request.Broadcast,
            Groups = request.Groups.Count == 0 ? null : string.Join(',', request.Groups.Distinct()),
        };
        await requests.AddAsync(stored, row, ct);
        return (await DescribeAsync(stored, row, ct), null);
    }

    public async Task<StoredRequest?> GetAsync(string appId, string requestId, CancellationToken ct)
    {
        var row = await requests.GetAsync(appId, requestId, ct);
        var send = row is null ? null : await sends.GetAsync(appId, requestId, ct);
        return send is null ? null : await DescribeAsync(send, row!, ct);
    }

    public async Task<(IReadOnlyList<StoredRequest> Requests, int Total)> ListAsync(string appId, int skip, int take, CancellationToken ct)
    {
        var (ids, total) = await requests.ListAsync(appId, skip, take, ct);
        var found = await Task.WhenAll(ids.Select(id => GetAsync(appId, id, ct)));
        return (found.OfType<StoredRequest>().ToList(), total);
    }

    /// <summary>Stops what has not been delivered; a request delivered to everyone already cannot be cancelled.</summary>
    public async Task<(RequestChange Change, StoredRequest? Request)> CancelAsync(string appId, string requestId, CancellationToken ct)
    {
        var current = await GetAsync(appId, requestId, ct);
        if (current is null) return (RequestChange.NotFound, null);
        if (current.Progress == RequestProgress.Completed) return (RequestChange.AlreadyDelivered, current);
        var send = await sends.TransitionAsync(current.Send, Stoppable, SendStatus.Cancelled, ct);
        return (RequestChange.Done, await DescribeAsync(send, current.Request, ct));
    }

    /// <summary>Hides the request at once, stops its delivery, and queues the removal of its items from every inbox.</summary>
    public async Task<bool> DeleteAsync(string appId, string requestId, CancellationToken ct)
    {
        var current = await GetAsync(appId, requestId, ct);
        if (current is null) return false;
        await sends.TransitionAsync(current.Send, Stoppable, SendStatus.Cancelled, ct);
        await requests.MarkDeletedAsync(current.Send, current.Request, ct);
        await storage.EnqueueAsync(QueueNames.RequestDeletions, new RequestDeletionMessage(appId, requestId, null), null, ct);
        return true;
    }

    private async Task<StoredRequest> DescribeAsync(SendRow send, RequestRow row, CancellationToken ct)
    {
        var state = send.Status switch
        {
            SendStatus.Cancelled => RequestProgress.Cancelled,
            SendStatus.Scheduled => RequestProgress.Pending,
            SendStatus.FannedOut when await progress.IsDeliveredAsync(send, ct) => RequestProgress.Completed,
            _ => RequestProgress.Sending,
        };
        return new StoredRequest(send, row, state, await receipts.CountAsync(send.AppId, send.SendId, ct));
    }
}
