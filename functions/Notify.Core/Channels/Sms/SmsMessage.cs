namespace Notify.Core.Channels.Sms;

/// <summary>
/// One SMS to one number. <see cref="DeliveryId"/> and <see cref="FirstAttemptAt"/> are the same on every retry
/// of a delivery, so the provider's repeatability check can recognise a repeat.
/// </summary>
public sealed record SmsMessage(string DeliveryId, string To, string Text, DateTimeOffset FirstAttemptAt);

/// <summary>Sends one SMS through the configured provider. Implementations never throw for provider errors.</summary>
public interface ISmsSender
{
    Task<ChannelOutcome> SendAsync(SmsMessage message, CancellationToken ct);
}
