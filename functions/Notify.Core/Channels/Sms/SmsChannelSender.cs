using System.Text.Json.Nodes;
using Notify.Core.Templates;
using Notify.Core.Users;

namespace Notify.Core.Channels.Sms;

/// <summary>
/// Texts one user at their profile's <c>phoneNumber</c> (E.164): the send's template <c>sms</c> content in the
/// user's locale when it has one, otherwise the send's title and message.
/// </summary>
public sealed class SmsChannelSender(ISmsSender sender, TemplateStore templates, TemplateRenderer renderer) : IChannelSender
{
    public string Channel => DeliveryChannels.Sms;

    public async Task<ChannelOutcome> SendAsync(ChannelDelivery delivery, CancellationToken ct)
    {
        var profile = Profiles.Parse(delivery.User?.ProfileJson ?? "{}");
        var number = (profile["phoneNumber"] as JsonValue)?.ToString();
        if (!PhoneNumbers.IsE164(number)) return new ChannelOutcome.Skipped("no phone number");
        var text = await TextAsync(delivery, profile, ct);
        if (text is TemplateRenderResult.Error error) return new ChannelOutcome.Failed($"template: {error.Message}");
        var content = ((RenderedContent.Sms)((TemplateRenderResult.Rendered)text).Content).Text;
        if (content.Trim().Length == 0) return new ChannelOutcome.Failed("the SMS text is empty");
        return await sender.SendAsync(new SmsMessage(delivery.DeliveryId, number!, content, delivery.Send.CreatedAt), ct);
    }

    private async Task<TemplateRenderResult> TextAsync(ChannelDelivery delivery, JsonObject profile, CancellationToken ct)
    {
        var send = delivery.Send;
        var template = send.TemplateIdentifier is null ? null : await templates.GetAsync(send.AppId, send.TemplateIdentifier, ct);
        if (send.TemplateIdentifier is not null && template is null)
            return new TemplateRenderResult.Error($"Template '{send.TemplateIdentifier}' no longer exists.");
        var stored = template?.ToTemplate();
        if (stored is null || !stored.Locales.Values.Any(l => l.Sms is not null))
            return new TemplateRenderResult.Rendered("", new RenderedContent.Sms(string.Join("\n", new[] { send.Title, send.Message }.Where(t => !string.IsNullOrEmpty(t)))));
        var data = send.TemplateDataJson ?? send.DataJson;
        return renderer.Render(stored, TemplateChannel.Sms, profile["locale"]?.ToString(), data is null ? null : JsonNode.Parse(data), profile, send.Increment ?? 1);
    }
}
