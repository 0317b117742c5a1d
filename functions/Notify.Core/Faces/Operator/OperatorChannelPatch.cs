using System.Text.Json;
using System.Text.Json.Nodes;
using Notify.Core.Apps;
using Notify.Core.Channels.Webhooks;
using Notify.Core.Faces.Kit;

namespace Notify.Core.Faces.Operator;

/// <summary>The channel options of an operator PATCH: checked here, applied through <see cref="AppChannels"/> when all are valid.</summary>
public static class OperatorChannelPatch
{
    public static void Read(Validation v, JsonObject? patch, App app)
    {
        if (patch is null) return;
        if (v.Array(patch, "defaultChannels", DeliveryChannels.All.Count) is { } listed)
        {
            var channels = listed.Select((c, i) => DeliveryChannels.Normalize(v.String(c, $"defaultChannels.{i}", 50, required: true) ?? "")).ToList();
            if (channels.Any(c => c is null)) v.Add($"defaultChannels must hold only: {string.Join(", ", DeliveryChannels.All)}");
            else if (v.IsValid) AppChannels.SetDefaults(app, channels!);
        }
        if (patch.ContainsKey("webhookUrl")) ReadWebhook(v, patch, app);
        if (v.Object(patch, "rateLimits") is { } limits)
        {
            var perMinute = new Dictionary<string, int>();
            foreach (var (channel, value) in limits)
                if (DeliveryChannels.Normalize(channel) is null || value is not JsonValue number || number.GetValueKind() != JsonValueKind.Number
                    || !number.TryGetValue<int>(out var limit) || limit < 1)
                    v.Add($"rateLimits.{channel} must be a positive integer of deliveries a minute for a known channel");
                else
                    perMinute[channel] = limit;
            if (v.IsValid) AppChannels.SetRateLimits(app, perMinute);
        }
    }

    private static void ReadWebhook(Validation v, JsonObject patch, App app)
    {
        var url = v.String(patch, "webhookUrl", 2_048);
        if (url is null)
        {
            if (v.IsValid) WebhookEndpoint.Set(app, null);
            return;
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            v.Add("webhookUrl must be an absolute http or https URL");
            return;
        }
        WebhookEndpoint.Set(app, uri);
    }
}
