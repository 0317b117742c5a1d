using Notify.Core.Answers;
using Notify.Core.Sends;

namespace Notify.Core.Requests;

/// <summary>A validated request to notify receivers and hear back from them, independent of the face it came through.</summary>
public sealed record NotificationRequest(
    string Title,
    string Content,
    string? Name,
    ItemActions Actions,
    IReadOnlyList<string> Receivers,
    bool Broadcast,
    IReadOnlyList<int> Groups,
    DateTimeOffset? SendAt);

public enum RequestProgress { Pending, Sending, Completed, Cancelled }

/// <summary>A stored request: its send (content, status, schedule), what only a request has, and how far delivery got.</summary>
public sealed record StoredRequest(SendRow Send, RequestRow Request, RequestProgress Progress, int OpenCount)
{
    public ItemActions Actions => ItemActions.FromJson(Send.ActionsJson)!;

    public IReadOnlyList<int> Groups =>
        string.IsNullOrEmpty(Request.Groups) ? [] : Request.Groups.Split(',').Select(int.Parse).ToList();
}

public enum RequestChange { Done, NotFound, AlreadyDelivered }

/// <summary>Why a request cannot be accepted: a receiver or group that does not resolve.</summary>
public sealed record RequestRejection(IReadOnlyList<string> Errors);
