using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Notify.Core.Inbox;
using Notify.Core.Sends;

namespace Notify.Core.Pipeline;

/// <summary>Delivers one recipient chunk of a send to the recipients' inboxes.</summary>
public sealed class DeliveryHandler(
    SendStore sends, InboxStore inbox, InboxWriter writer, IOptions<NotifyOptions> options, ILogger<DeliveryHandler> logger)
    : IQueueHandler<DeliveryMessage>
{
    public async Task HandleAsync(DeliveryMessage message, long dequeueCount, CancellationToken ct)
    {
        var send = await sends.GetAsync(message.AppId, message.SendId, ct);
        if (send is null)
        {
            logger.LogWarning("Send {SendId} of app {AppId} does not exist; nothing to deliver", message.SendId, message.AppId);
            return;
        }
        var recipients = await sends.GetChunkAsync(message.AppId, message.SendId, message.Chunk, ct);
        var content = new InboxContent(send.SendId, send.CreatedAt, send.Title, send.Message, send.Icon, send.Url, send.DataJson, send.Category);
        var ids = recipients.Select(r => (Id: NotificationIds.For(send.AppId, send.SendId, r.Identifier), UserId: r.Identifier)).ToList();
        // The index goes first: an item must never exist without the row that finds its user.
        await inbox.IndexAsync(send.AppId, ids, ct);
        await Parallel.ForEachAsync(
            recipients.Zip(ids),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.DeliveryParallelism, CancellationToken = ct },
            async (pair, token) =>
                await writer.DeliverAsync(send.AppId, pair.First.Identifier, pair.Second.Id, content, pair.First.Profile, token));
    }
}
