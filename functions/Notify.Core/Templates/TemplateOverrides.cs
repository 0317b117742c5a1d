using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Notify.Core.Templates;

/// <summary>
/// One message's replacements for a channel's template fields (Liquid too): <c>title</c>, <c>message</c>,
/// <c>url</c>, <c>icon</c> in the inbox; <c>subject</c>, <c>html</c>, <c>text</c> in email. They apply in every
/// locale. The version changes with them, so the parse cache never mixes overridden and stored text.
/// </summary>
public static class TemplateOverrides
{
    public static readonly IReadOnlyList<string> InAppFields = ["title", "message", "url", "icon"];
    public static readonly IReadOnlyList<string> EmailFields = ["subject", "html", "text"];

    public static Template Apply(Template template, TemplateChannel channel, JsonObject? overrides)
    {
        var fields = channel == TemplateChannel.InApp ? InAppFields : channel == TemplateChannel.Email ? EmailFields : [];
        if (overrides is null || !fields.Any(overrides.ContainsKey)) return template;
        string? Get(string name, string? stored) => overrides[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>() : stored;
        var locales = template.Locales.ToDictionary(pair => pair.Key, pair => pair.Value with
        {
            InApp = channel != TemplateChannel.InApp ? pair.Value.InApp
                : new InAppTemplateContent(Get("title", pair.Value.InApp?.Title) ?? "", Get("message", pair.Value.InApp?.Message) ?? "",
                    Get("url", pair.Value.InApp?.Url), Get("icon", pair.Value.InApp?.Icon)),
            Email = channel != TemplateChannel.Email ? pair.Value.Email
                : new EmailTemplateContent(Get("subject", pair.Value.Email?.Subject) ?? "", Get("html", pair.Value.Email?.Html) ?? "",
                    Get("text", pair.Value.Email?.Text)),
        });
        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(overrides.ToJsonString())))[..16];
        return template with { Version = $"{template.Version}+{digest}", Locales = locales };
    }
}
