using MimeKit;

namespace Notify.Core.Channels.Email.Smtp;

internal static class SmtpMimeBuilder
{
    public static MimeMessage Build(EmailMessage message)
    {
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            MessageId = $"{DeliveryKeys.Token(message.DeliveryId)}@{Domain(message.From.Address)}",
            Body = new BodyBuilder { HtmlBody = message.Html, TextBody = message.PlainText }.ToMessageBody(),
        };
        mime.From.Add(Map(message.From));
        mime.To.Add(Map(message.To));
        mime.ReplyTo.AddRange(message.ReplyTo.Select(Map));
        mime.Cc.AddRange(message.Cc.Select(Map));
        mime.Bcc.AddRange(message.Bcc.Select(Map));
        return mime;
    }

    private static MailboxAddress Map(EmailAddress address) => new(address.DisplayName ?? "", address.Address);

    private static string Domain(string address) => address[(address.LastIndexOf('@') + 1)..] is { Length: > 0 } domain
        ? domain
        : "notify.invalid";
}
