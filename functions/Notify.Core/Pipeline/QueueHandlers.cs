using Microsoft.Extensions.DependencyInjection;
using Notify.Core.Feeds.Callbacks;
using Notify.Core.Storage;

namespace Notify.Core.Pipeline;

/// <summary>A queue and the stage that consumes it, for hosts that poll queues themselves.</summary>
public sealed record QueueConsumer(string Queue, Func<IServiceProvider, string, long, CancellationToken, Task> HandleAsync);

public static class QueueConsumers
{
    /// <summary>Every queue of the pipeline; the Functions app declares one queue trigger for each.</summary>
    public static readonly IReadOnlyList<QueueConsumer> All =
    [
        For<SendMessage, SendHandler>(QueueNames.Sends),
        For<DeliveryMessage, DeliveryHandler>(QueueNames.Deliveries),
        For<TopicPageMessage, TopicPageHandler>(QueueNames.TopicPages),
        For<ChannelMessage, ChannelHandler>(QueueNames.Email),
        For<ChannelMessage, ChannelHandler>(QueueNames.Webhook),
        For<UserDeletionMessage, UserDeletionHandler>(QueueNames.UserDeletions),
        For<FeedCallbackMessage, FeedCallbackHandler>(QueueNames.FeedCallbacks),
        For<ChannelMessage, ChannelHandler>(QueueNames.Sms),
        For<RequestDeletionMessage, RequestDeletionHandler>(QueueNames.RequestDeletions),
        For<AnswerEventMessage, AnswerEventHandler>(QueueNames.AnswerEvents),
    ];

    private static QueueConsumer For<TMessage, THandler>(string queue) where THandler : IQueueHandler<TMessage> =>
        new(queue, (services, body, dequeueCount, ct) =>
            services.GetRequiredService<THandler>().HandleAsync(NotifyStorage.ReadMessage<TMessage>(body), dequeueCount, ct));
}
