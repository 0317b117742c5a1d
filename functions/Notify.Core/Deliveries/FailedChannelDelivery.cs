namespace Notify.Core.Deliveries;

/// <summary>
/// What lands on a channel's failed-deliveries queue (<c>email-failed</c>, <c>webhook-failed</c>) after a
/// delivery's last attempt: enough to replay it. The channel's poison queue holds only channel messages
/// the host gave up on, so each queue holds one message shape.
/// </summary>
public sealed record FailedChannelDelivery(string AppId, string SendId, string Channel, string UserId, int Attempts, string? LastError);
