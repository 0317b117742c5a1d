using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Notify.Core.Channels.Sms;

/// <summary>
/// The SMS provider when none is configured: each message becomes one JSON line in a file a developer can
/// read (and a log line), so local runs show what would have been texted without sending anything.
/// </summary>
public sealed class DevelopmentSmsOutbox(string path, TimeProvider time, ILogger<DevelopmentSmsOutbox> logger) : ISmsSender
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public async Task<ChannelOutcome> SendAsync(SmsMessage message, CancellationToken ct)
    {
        var id = DeliveryKeys.Token(message.DeliveryId);
        var line = JsonSerializer.Serialize(new { id, to = message.To, text = message.Text, at = time.GetUtcNow() }) + "\n";
        await Gate.WaitAsync(ct);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await File.AppendAllTextAsync(path, line, ct);
        }
        finally
        {
            Gate.Release();
        }
        logger.LogInformation("SMS to {To} written to {Outbox}: {Text}", message.To, path, message.Text);
        return new ChannelOutcome.Sent(id);
    }
}
