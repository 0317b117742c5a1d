using System.Text.Json;
using System.Text.Json.Nodes;
using Notify.Core.Channels;
using Notify.Core.Channels.Webhooks;
using Notify.Core.Faces.V3;

namespace Notify.Core.Apps;

/// <summary>An app's delivery-channel options: default channels, webhook endpoint, per-channel rate limits.</summary>
public static class AppChannels
{
    public static IReadOnlyList<string> Defaults(App app) =>
        app.DefaultChannels is null ? DeliveryChannels.Default : DeliveryChannels.Split(app.DefaultChannels);

    public static int? RateLimit(App app, string channel) =>
        app.RateLimitsJson is not null && JsonNode.Parse(app.RateLimitsJson)?[channel] is JsonValue value && value.TryGetValue<int>(out var limit)
            ? limit
            : null;

    /// <summary>Validates the channel options of an operator PATCH and applies them to <paramref name="app"/> when valid.</summary>
    public static void Read(Validation v, JsonObject? patch, App app)
    {
        if (patch is null) return;
        if (v.Array(patch, "defaultChannels", DeliveryChannels.All.Count) is { } listed)
        {
            var channels = listed.Select((c, i) => DeliveryChannels.Normalize(v.String(c, $"defaultChannels.{i}", 50, required: true) ?? "")).ToList();
            if (channels.Any(c => c is null)) v.Add($"defaultChannels must hold only: {string.Join(", ", DeliveryChannels.All)}");
            else if (v.IsValid) app.DefaultChannels = DeliveryChannels.Join(channels.Distinct()!);
        }
        if (patch.ContainsKey("webhookUrl")) ReadWebhook(v, patch, app);
        if (v.Object(patch, "rateLimits") is { } limits)
        {
            foreach (var (channel, value) in limits)
                if (DeliveryChannels.Normalize(channel) is null || value is not JsonValue number || number.GetValueKind() != JsonValueKind.Number
                    || !number.TryGetValue<int>(out var perMinute) || perMinute < 1)
                    v.Add($"rateLimits.{channel} must be a positive integer of deliveries a minute for a known channel");
            if (v.IsValid) app.RateLimitsJson = limits.ToJsonString();
        }
    }

    private static void ReadWebhook(Validation v, JsonObject patch, App app)
    {
        var url = v.String(patch, "webhookUrl", 2_048);
        if (url is null)
        {
            if (v.IsValid) app.WebhookUrl = null;
            return;
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            v.Add("webhookUrl must be an absolute http or https URL");
            return;
        }
        app.WebhookUrl = url;
        app.WebhookSecret ??= StandardWebhookSigner.GenerateSecret();
        app.WebhookDisabled = false;
    }
}
