using Microsoft.Extensions.Logging;
using Notify.Core.Sends;

namespace Notify.Core.Pipeline;

/// <summary>Delivers one recipient chunk of a send, unless the send was cancelled meanwhile.</summary>
public sealed class DeliveryHandler(SendStore sends, SendProgress progress, RecipientDelivery delivery, ILogger<DeliveryHandler> logger)
    : IQueueHandler<DeliveryMessage>
{
    public async Task HandleAsync(DeliveryMessage message, long dequeueCount, CancellationToken ct)
    {
        using var scope = logger.Stage("delivery", message.AppId, message.SendId);
        var send = await sends.GetAsync(message.AppId, message.SendId, ct);
        if (send is null)
        {
            logger.LogWarning("Send {SendId} of app {AppId} does not exist; nothing to deliver", message.SendId, message.AppId);
            return;
        }
        if (send.Status == SendStatus.Cancelled)
        {
            logger.LogInformation("Chunk {Chunk} dropped: the send was cancelled", message.Chunk);
            return;
        }
        var recipients = await sends.GetChunkAsync(message.AppId, message.SendId, message.Chunk, ct);
        await delivery.DeliverAsync(send, recipients.Select(r => new AudienceMember(r, null)).ToList(), ct);
        await progress.MarkChunkDoneAsync(send, message.Chunk, ct);
        logger.LogInformation("Chunk {Chunk} delivered to {Recipients} recipients", message.Chunk, recipients.Count);
    }
}
