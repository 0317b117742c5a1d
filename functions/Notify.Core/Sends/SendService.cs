using Microsoft.Extensions.Options;
using Notify.Core.Pipeline;
using Notify.Core.Storage;

namespace Notify.Core.Sends;

/// <summary>Accepts a send: stores it and queues it. No delivery work happens in the request.</summary>
public sealed class SendService(SendStore sends, NotifyStorage storage, IOptions<NotifyOptions> options, TimeProvider clock)
{
    /// <summary>Keeps a chunk row's JSON well under the 32K-character string property cap.</summary>
    private const int MaxChunkChars = 30_000;

    public async Task<string> AcceptAsync(string appId, SendRequest request, CancellationToken ct)
    {
        var sendId = Guid.CreateVersion7().ToString();
        var chunks = Chunk(request.Recipients, options.Value.RecipientsPerChunk);
        var send = new SendRow
        {
            AppId = appId,
            SendId = sendId,
            CreatedAt = clock.GetUtcNow(),
            Title = request.Title,
            Message = request.Message,
            Icon = request.Icon,
            Url = request.Url,
            DataJson = request.DataJson,
            Category = request.Category,
            TemplateDataJson = request.TemplateDataJson,
            RecipientCount = request.Recipients.Count,
        };
        await sends.SaveAsync(send, chunks, ct);
        await storage.EnqueueAsync(QueueNames.Sends, new SendMessage(appId, sendId), null, ct);
        return sendId;
    }

    public static IReadOnlyList<string> Chunk(IReadOnlyList<Recipient> recipients, int perChunk)
    {
        var chunks = new List<string>();
        var current = new List<Recipient>();
        var chars = 0;
        foreach (var recipient in recipients)
        {
            var size = Recipient.Serialize([recipient]).Length;
            if (current.Count == perChunk || (current.Count > 0 && chars + size > MaxChunkChars))
            {
                chunks.Add(Recipient.Serialize(current));
                current = [];
                chars = 0;
            }
            current.Add(recipient);
            chars += size;
        }
        if (current.Count > 0) chunks.Add(Recipient.Serialize(current));
        return chunks;
    }
}
