using System.Text.Json;
using System.Text.Json.Nodes;

namespace Notify.Core.Channels.Webhooks;

/// <summary>Posts the notification, signed per Standard Webhooks, to the app's endpoint.</summary>
public sealed class WebhookChannelSender(WebhookSender sender) : IChannelSender
{
    public string Channel => DeliveryChannels.Webhook;

    public async Task<ChannelOutcome> SendAsync(ChannelDelivery delivery, CancellationToken ct)
    {
        var app = delivery.App;
        if (app.WebhookUrl is null || app.WebhookSecret is null) return new ChannelOutcome.Skipped("no webhook endpoint configured");
        if (app.WebhookDisabled) return new ChannelOutcome.Skipped("webhook endpoint disabled after 410 Gone");
        var result = await sender.SendAsync(new WebhookRequest(delivery.DeliveryId, new Uri(app.WebhookUrl), app.WebhookSecret, Body(delivery)), ct);
        return result switch
        {
            WebhookResult.Delivered => new ChannelOutcome.Sent(null),
            WebhookResult.Disabled gone => new ChannelOutcome.EndpointGone(gone.Reason),
            WebhookResult.RetryLater retry => new ChannelOutcome.RetryLater(retry.RetryAfter, retry.Error, retry.StatusCode == 429),
            WebhookResult.Failed failed => new ChannelOutcome.Failed(failed.Error),
            _ => throw new InvalidOperationException($"Unknown webhook result {result}"),
        };
    }

    private static string Body(ChannelDelivery delivery)
    {
        var send = delivery.Send;
        return new JsonObject
        {
            ["type"] = "notification.sent",
            ["requestId"] = send.SendId,
            ["recipient"] = delivery.UserId,
            ["notification"] = new JsonObject
            {
                ["title"] = send.Title,
                ["message"] = send.Message,
                ["icon"] = send.Icon,
                ["url"] = send.Url,
                ["category"] = send.Category,
                ["data"] = send.DataJson is null ? null : JsonNode.Parse(send.DataJson),
            },
            ["createdAt"] = send.CreatedAt,
        }.ToJsonString(new JsonSerializerOptions(JsonSerializerDefaults.Web));
    }
}
