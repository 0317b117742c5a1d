using System.Net;
using System.Net.Mail;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Notify.Core.Templates;
using Notify.Core.Users;
using Notify.Core.Sends;

namespace Notify.Core.Channels.Email;

/// <summary>
/// Emails one user: content from the send's template (in the user's locale) or from its title and
/// message; sender, reply-to, cc and bcc from <c>override.channel.email</c> over the configured sender.
/// </summary>
public sealed class EmailChannelSender(IEmailSender sender, TemplateStore templates, TemplateRenderer renderer, IOptions<EmailOptions> options)
    : IChannelSender
{
    public string Channel => DeliveryChannels.Email;

    public async Task<ChannelOutcome> SendAsync(ChannelDelivery delivery, CancellationToken ct)
    {
        var profile = Profiles.Parse(delivery.User?.ProfileJson ?? "{}");
        if (profile["email"] is not JsonValue email || !MailAddress.TryCreate(email.ToString(), out _))
            return new ChannelOutcome.Skipped("no email address");
        var content = await ContentAsync(delivery, profile, ct);
        if (content is TemplateRenderResult.Error error) return new ChannelOutcome.Failed($"template: {error.Message}");
        var rendered = (RenderedContent.Email)((TemplateRenderResult.Rendered)content).Content;
        var message = Message(delivery, new EmailAddress(email.ToString(), profile["name"]?.ToString()), rendered);
        return await sender.SendAsync(message, ct) switch
        {
            EmailSendResult.Sent sent => new ChannelOutcome.Sent(sent.ProviderMessageId),
            EmailSendResult.RetryLater retry => new ChannelOutcome.RetryLater(retry.RetryAfter, retry.Error, retry.RetryAfter is not null),
            EmailSendResult.Failed failed => new ChannelOutcome.Failed(failed.Error),
            var other => throw new InvalidOperationException($"Unknown email result {other}"),
        };
    }

    private async Task<TemplateRenderResult> ContentAsync(ChannelDelivery delivery, JsonObject profile, CancellationToken ct)
    {
        var send = delivery.Send;
        if (send.TemplateIdentifier is null)
            return new TemplateRenderResult.Rendered("", new RenderedContent.Email(send.Title ?? "", Html(send.Message, send.Url), send.Message ?? ""));
        var template = await templates.GetAsync(send.AppId, send.TemplateIdentifier, ct);
        if (template is null) return new TemplateRenderResult.Error($"Template '{send.TemplateIdentifier}' no longer exists.");
        var data = send.TemplateDataJson ?? send.DataJson;
        var overrides = send.EmailOverrideJson is null ? null : JsonNode.Parse(send.EmailOverrideJson) as JsonObject;
        return renderer.Render(TemplateOverrides.Apply(template.ToTemplate(), TemplateChannel.Email, overrides), TemplateChannel.Email,
            profile["locale"]?.ToString(), data is null ? null : JsonNode.Parse(data), profile, send.Increment ?? 1);
    }

    private EmailMessage Message(ChannelDelivery delivery, EmailAddress to, RenderedContent.Email content)
    {
        var overrides = EmailOverride.FromJson(delivery.Send.EmailOverrideJson);
        var configured = options.Value.Sender;
        var from = overrides?.From is { } address
            ? new EmailAddress(address, overrides.FromName ?? configured.DisplayName)
            : configured with { DisplayName = overrides?.FromName ?? configured.DisplayName };
        return new EmailMessage(delivery.DeliveryId, from, to, content.Subject, content.Html, content.Text)
        {
            ReplyTo = Addresses(overrides?.ReplyTo),
            Cc = Addresses(overrides?.Cc),
            Bcc = Addresses(overrides?.Bcc),
        };
    }

    private static IReadOnlyList<EmailAddress> Addresses(IReadOnlyList<string>? addresses) =>
        addresses?.Select(a => new EmailAddress(a)).ToList() ?? [];

    private static string Html(string? message, string? url)
    {
        var body = $"<p>{WebUtility.HtmlEncode(message ?? "")}</p>";
        return url is null ? body : body + $"<p><a href=\"{WebUtility.HtmlEncode(url)}\">{WebUtility.HtmlEncode(url)}</a></p>";
    }
}
