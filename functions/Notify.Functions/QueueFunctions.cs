using Microsoft.Azure.Functions.Worker;
using Notify.Core.Feeds.Callbacks;
using Notify.Core.Pipeline;
using Notify.Core.Storage;

namespace Notify.Functions;

/// <summary>
/// One trigger per queue of Notify.Core.Pipeline.QueueConsumers. The storage prefix must stay empty under Functions:
/// trigger queue names are compile-time constants. Retries and the poison queue come from host.json.
/// </summary>
public sealed class QueueFunctions(
    SendHandler sends, DeliveryHandler deliveries, TopicPageHandler topicPages, ChannelHandler channels, FeedCallbackHandler feedCallbacks,
    UserDeletionHandler userDeletions, RequestDeletionHandler requestDeletions, AnswerEventHandler answerEvents)
{
    [Function(nameof(Sends))]
    public Task Sends([QueueTrigger(QueueNames.Sends)] SendMessage message, long dequeueCount, CancellationToken ct) =>
        sends.HandleAsync(message, dequeueCount, ct);

    [Function(nameof(Deliveries))]
    public Task Deliveries([QueueTrigger(QueueNames.Deliveries)] DeliveryMessage message, long dequeueCount, CancellationToken ct) =>
        deliveries.HandleAsync(message, dequeueCount, ct);

    [Function(nameof(TopicPages))]
    public Task TopicPages([QueueTrigger(QueueNames.TopicPages)] TopicPageMessage message, long dequeueCount, CancellationToken ct) =>
        topicPages.HandleAsync(message, dequeueCount, ct);

    [Function(nameof(Email))]
    public Task Email([QueueTrigger(QueueNames.Email)] ChannelMessage message, long dequeueCount, CancellationToken ct) =>
        channels.HandleAsync(message, dequeueCount, ct);

    [Function(nameof(Webhook))]
    public Task Webhook([QueueTrigger(QueueNames.Webhook)] ChannelMessage message, long dequeueCount, CancellationToken ct) =>
        channels.HandleAsync(message, dequeueCount, ct);

    [Function(nameof(FeedCallbacks))]
    public Task FeedCallbacks([QueueTrigger(QueueNames.FeedCallbacks)] FeedCallbackMessage message, long dequeueCount, CancellationToken ct) =>
        feedCallbacks.HandleAsync(message, dequeueCount, ct);

    [Function(nameof(Sms))]
    public Task Sms([QueueTrigger(QueueNames.Sms)] ChannelMessage message, long dequeueCount, CancellationToken ct) =>
        channels.HandleAsync(message, dequeueCount, ct);

    [Function(nameof(UserDeletions))]
    public Task UserDeletions([QueueTrigger(QueueNames.UserDeletions)] UserDeletionMessage message, long dequeueCount, CancellationToken ct) =>
        userDeletions.HandleAsync(message, dequeueCount, ct);

    [Function(nameof(RequestDeletions))]
    public Task RequestDeletions([QueueTrigger(QueueNames.RequestDeletions)] RequestDeletionMessage message, long dequeueCount, CancellationToken ct) =>
        requestDeletions.HandleAsync(message, dequeueCount, ct);

    [Function(nameof(AnswerEvents))]
    public Task AnswerEvents([QueueTrigger(QueueNames.AnswerEvents)] AnswerEventMessage message, long dequeueCount, CancellationToken ct) =>
        answerEvents.HandleAsync(message, dequeueCount, ct);
}
