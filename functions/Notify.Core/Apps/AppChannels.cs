using System.Text.Json;
using System.Text.Json.Nodes;

namespace Notify.Core.Apps;

/// <summary>An app's delivery-channel options: default channels and per-channel rate limits (the webhook endpoint is <c>WebhookEndpoint</c>'s).</summary>
public static class AppChannels
{
    public static IReadOnlyList<string> Defaults(App app) =>
        app.DefaultChannels is null ? DeliveryChannels.Default : DeliveryChannels.Split(app.DefaultChannels);

    public static int? RateLimit(App app, string channel) =>
        app.RateLimitsJson is not null && JsonNode.Parse(app.RateLimitsJson)?[channel] is JsonValue value && value.TryGetValue<int>(out var limit)
            ? limit
            : null;

    /// <param name="channels">Known channel names (<see cref="DeliveryChannels.Normalize"/>d).</param>
    public static void SetDefaults(App app, IEnumerable<string> channels) => app.DefaultChannels = DeliveryChannels.Join(channels.Distinct());

    /// <param name="perMinute">Deliveries a minute per known channel, each positive.</param>
    public static void SetRateLimits(App app, IReadOnlyDictionary<string, int> perMinute) =>
        app.RateLimitsJson = JsonSerializer.Serialize(perMinute);
}
