namespace Notify.Core.Channels;

/// <summary>The result of one attempt to deliver on a channel, whatever the provider.</summary>
public abstract record ChannelOutcome
{
    private ChannelOutcome()
    {
    }

    public sealed record Sent(string? ProviderMessageId) : ChannelOutcome;

    /// <summary>Not attempted: the user cannot be reached on this channel, or it is not set up.</summary>
    public sealed record Skipped(string Reason) : ChannelOutcome;

    /// <summary>Transient: try again later. <see cref="Throttled"/> when the provider asked us to slow down.</summary>
    public sealed record RetryLater(TimeSpan? RetryAfter, string Error, bool Throttled) : ChannelOutcome;

    public sealed record Failed(string Error) : ChannelOutcome;

    /// <summary>The endpoint is gone for good (webhook 410): stop using it.</summary>
    public sealed record EndpointGone(string Error) : ChannelOutcome;
}

/// <summary>Everything a channel needs to deliver one send to one user.</summary>
public sealed record ChannelDelivery(Apps.App App, Sends.SendRow Send, string UserId, Users.UserRow? User, string DeliveryId)
{
    /// <summary>Stable for one (send, user, channel): providers' idempotency keys derive from it.</summary>
    public static string IdFor(string appId, string sendId, string userId, string channel) => $"{appId}:{sendId}:{userId}:{channel}";
}

/// <summary>Delivers on one channel through its provider.</summary>
public interface IChannelSender
{
    string Channel { get; }

    Task<ChannelOutcome> SendAsync(ChannelDelivery delivery, CancellationToken ct);
}
