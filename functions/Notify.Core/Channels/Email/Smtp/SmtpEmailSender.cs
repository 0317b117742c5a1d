using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Notify.Core.Channels.Email.Smtp;

/// <summary>
/// Sends over SMTP with MailKit, one connection per message. The Message-Id is derived from the delivery id
/// so that a redelivered message carries the same id and receiving systems can spot the duplicate.
/// </summary>
public sealed class SmtpEmailSender(EmailOptions options) : IEmailSender
{
    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken ct)
    {
        if (message.Problem() is { } problem)
        {
            return new EmailSendResult.Failed(problem);
        }

        var mime = SmtpMimeBuilder.Build(message);
        using var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(30).TotalMilliseconds };
        try
        {
            await client.ConnectAsync(options.SmtpHost!, options.SmtpPort, TlsMode(), ct);
            if (!string.IsNullOrEmpty(options.SmtpUserName))
            {
                await client.AuthenticateAsync(options.SmtpUserName, options.SmtpPassword ?? "", ct);
            }

            await client.SendAsync(mime, ct);
            await client.DisconnectAsync(quit: true, ct);
            return new EmailSendResult.Sent(mime.MessageId!);
        }
        catch (SmtpCommandException e)
        {
            var error = $"SMTP {(int)e.StatusCode} {e.ErrorCode}: {e.Message}";
            return (int)e.StatusCode is >= 400 and < 500
                ? new EmailSendResult.RetryLater(null, error)
                : new EmailSendResult.Failed(error);
        }
        catch (AuthenticationException e)
        {
            return new EmailSendResult.Failed($"SMTP authentication failed: {e.Message}");
        }
        catch (Exception e) when (e is SocketException or IOException or SmtpProtocolException or ServiceNotConnectedException)
        {
            return new EmailSendResult.RetryLater(null, $"SMTP server unreachable: {e.Message}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new EmailSendResult.RetryLater(null, "SMTP timed out.");
        }
    }

    // Port 465 speaks TLS from the first byte; other ports upgrade with STARTTLS.
    private SecureSocketOptions TlsMode() => options.SmtpUseTls
        ? options.SmtpPort == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls
        : SecureSocketOptions.None;
}
