namespace Notify.Core.RateLimits;

/// <summary>
/// <c>Notify:RateLimits</c>: deliveries a window per channel (<c>Notify:RateLimits:email:PerMinute</c>),
/// overridable per app. The window is a minute; tests shorten it.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "Notify:RateLimits";

    public int WindowSeconds { get; set; } = 60;

    public Dictionary<string, ChannelLimit> Channels { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);

    /// <summary>ACS allows 30 emails a minute on a custom domain, and 200 SMS a minute from a toll-free number, by default.</summary>
    public int PerWindow(string channel) =>
        Channels.TryGetValue(channel, out var limit) ? limit.PerMinute : channel switch { "email" => 30, "sms" => 200, _ => 600 };
}

public sealed class ChannelLimit
{
    public int PerMinute { get; set; }
}
