using Microsoft.Extensions.Logging;
using Notify.Core.Sends;
using Notify.Core.Storage;

namespace Notify.Core.Pipeline;

/// <summary>
/// Fans a send out: one delivery message per recipient chunk, so queues stay shallow however large
/// the audience. A repeat re-queues the chunks, and delivering a chunk twice changes nothing.
/// </summary>
public sealed class SendHandler(SendStore sends, NotifyStorage storage, ILogger<SendHandler> logger) : IQueueHandler<SendMessage>
{
    public async Task HandleAsync(SendMessage message, long dequeueCount, CancellationToken ct)
    {
        var send = await sends.GetAsync(message.AppId, message.SendId, ct);
        if (send is null)
        {
            logger.LogWarning("Send {SendId} of app {AppId} does not exist; nothing to fan out", message.SendId, message.AppId);
            return;
        }
        if (send.Status == SendStatus.FannedOut)
            return;
        await Task.WhenAll(Enumerable.Range(0, send.ChunkCount).Select(chunk =>
            storage.EnqueueAsync(QueueNames.Deliveries, new DeliveryMessage(send.AppId, send.SendId, chunk), null, ct)));
        await sends.SetStatusAsync(send, SendStatus.FannedOut, ct);
    }
}
