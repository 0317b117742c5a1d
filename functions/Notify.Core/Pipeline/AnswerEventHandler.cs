using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Notify.Core.Answers;
using Notify.Core.Apps;
using Notify.Core.Channels.Webhooks;

namespace Notify.Core.Pipeline;

/// <summary>On the <c>answerevents</c> queue: one answer to tell the app's webhook about.</summary>
public sealed record AnswerEventMessage(string AppId, string RequestId, string UserId, long NotificationId, DateTimeOffset RespondedAt,
    IReadOnlyList<ItemAction> Actions);

/// <summary>
/// Posts the answer to the app's webhook, signed per Standard Webhooks. The webhook id derives from the
/// item, so a repeated message is the same event to the receiver, and an event the webhook took is recorded
/// and not posted again (a replay from the poison queue, say); a failed attempt throws, and the queue
/// retries it until the message moves to the poison queue.
/// </summary>
public sealed class AnswerEventHandler(AppStore apps, WebhookSender sender, AnswerEventReceipts receipts, ILogger<AnswerEventHandler> logger)
    : IQueueHandler<AnswerEventMessage>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task HandleAsync(AnswerEventMessage message, long dequeueCount, CancellationToken ct)
    {
        var app = await apps.GetAsync(message.AppId, ct);
        if (app?.WebhookUrl is null || app.WebhookSecret is null || app.WebhookDisabled) return;
        if (await receipts.WasDeliveredAsync(app.Id, message.RequestId, message.NotificationId, ct)) return;
        var result = await sender.SendAsync(new WebhookRequest($"{app.Id}:{message.NotificationId}:answer", new Uri(app.WebhookUrl), app.WebhookSecret,
            Body(message)), ct);
        switch (result)
        {
            case WebhookResult.Delivered:
                await receipts.RecordAsync(app.Id, message.RequestId, message.NotificationId, ct);
                break;
            case WebhookResult.RetryLater retry:
                throw new HttpRequestException(retry.Error);
            case WebhookResult.Failed or WebhookResult.Disabled:
                logger.LogWarning("Answer event for item {ItemId} of app {AppId} not delivered: {Result}", message.NotificationId, app.Id, result);
                break;
        }
    }

    private static string Body(AnswerEventMessage message) => new JsonObject
    {
        ["type"] = "notification.responded",
        ["requestId"] = message.RequestId,
        ["notificationId"] = message.NotificationId,
        ["recipient"] = message.UserId,
        ["respondedAt"] = message.RespondedAt,
        ["actions"] = JsonSerializer.SerializeToNode(message.Actions.Select(a => new { a.Id, a.Type, a.Text }), Json),
    }.ToJsonString(Json);
}
