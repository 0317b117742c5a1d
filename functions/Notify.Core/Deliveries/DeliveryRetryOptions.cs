using Notify.Core.Channels;

namespace Notify.Core.Deliveries;

/// <summary>
/// <c>Notify:Retries</c>: overrides of the channel retry schedules (first delay, cap, attempts). Zero
/// keeps the channel's own schedule (email and SMS: 30 s to 2 h over 10 attempts; webhook: 5 s to 10 h over 14).
/// </summary>
public sealed class DeliveryRetryOptions
{
    public const string Section = "Notify:Retries";

    public double InitialDelaySeconds { get; set; }
    public double MaxDelaySeconds { get; set; }
    public int MaxAttempts { get; set; }

    public RetryBackoff Backoff(string channel)
    {
        var schedule = channel is DeliveryChannels.Email or DeliveryChannels.Sms ? RetryBackoff.Email : RetryBackoff.Webhooks;
        return new RetryBackoff(
            InitialDelaySeconds > 0 ? TimeSpan.FromSeconds(InitialDelaySeconds) : schedule.Initial,
            MaxDelaySeconds > 0 ? TimeSpan.FromSeconds(MaxDelaySeconds) : schedule.Cap,
            MaxAttempts > 0 ? MaxAttempts : schedule.MaxAttempts);
    }
}
