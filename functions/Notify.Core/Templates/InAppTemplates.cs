using System.Text.Json.Nodes;
using Notify.Core.Inbox;
using Notify.Core.Sends;

namespace Notify.Core.Templates;

/// <summary>Makes a templated send's inbox content per recipient, in the recipient's locale.</summary>
public sealed class InAppTemplates(TemplateStore templates, TemplateRenderer renderer)
{
    /// <summary>Null when the send has no template (every recipient gets the send's own content).</summary>
    public async Task<InAppPersonalizer?> ForAsync(SendRow send, InboxContent content, CancellationToken ct)
    {
        if (send.TemplateIdentifier is null) return null;
        var template = await templates.GetAsync(send.AppId, send.TemplateIdentifier, ct);
        var data = send.TemplateDataJson ?? send.DataJson;
        return new InAppPersonalizer(template?.ToTemplate(), send.TemplateIdentifier, renderer, content, data is null ? null : JsonNode.Parse(data));
    }
}

public sealed class InAppPersonalizer(Template? template, string identifier, TemplateRenderer renderer, InboxContent content, JsonNode? data)
{
    private string? lastError;

    /// <summary>Why content could not be made, for the failed delivery's record.</summary>
    public string Error(string userId) => $"template: {lastError ?? "unknown error"} (user {userId})";

    public InboxContent? Render(JsonObject profile)
    {
        if (template is null)
        {
            lastError = $"Template '{identifier}' no longer exists.";
            return null;
        }
        switch (renderer.Render(template, TemplateChannel.InApp, profile["locale"]?.ToString(), data, profile))
        {
            case TemplateRenderResult.Rendered { Content: RenderedContent.InApp inApp }:
                var rendered = inApp.Content;
                return content with { Content = content.Content with { Title = rendered.Title, Message = rendered.Message, Url = rendered.Url ?? content.Content.Url } };
            case TemplateRenderResult.Error error:
                lastError = error.Message;
                return null;
            default:
                lastError = "Template gave no in-app content.";
                return null;
        }
    }
}
