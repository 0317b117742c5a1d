namespace Notify.Core.Channels.Email;

/// <summary>Sends one email through the configured provider. Implementations never throw for provider errors.</summary>
public interface IEmailSender
{
    Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken ct);
}
