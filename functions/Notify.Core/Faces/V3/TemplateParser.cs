using System.Text.Json;
using System.Text.Json.Nodes;
using Notify.Core.Templates;
using Notify.Core.Faces.Kit;

namespace Notify.Core.Faces.V3;

/// <summary>
/// Reads a template body: <c>{identifier, name, defaultLocale, locales: {"en": {inApp: {…}, email: {…}, sms: {text}}}}</c>,
/// plus what makes it a notification of the batch API: <c>channels</c>, <c>stackTimeoutSeconds</c>, <c>mutableChannels</c>.
/// </summary>
public static class TemplateParser
{
    private const int MaxLocales = 30;
    private const int MaxJson = 30_000;

    public static TemplateRow? Parse(Validation v, JsonNode? body, string? identifierFromRoute, TemplateRenderer renderer)
    {
        var root = body as JsonObject;
        if (root is null) { v.Add("body must be an object"); return null; }
        var identifier = identifierFromRoute ?? v.String(root, "identifier", V3Limits.Identifier, required: true);
        var name = v.String(root, "name", 200) ?? identifier;
        var defaultLocale = v.String(root, "defaultLocale", 35) ?? "en";
        var locales = v.Object(root, "locales", required: true);
        if (locales is not null && (locales.Count == 0 || locales.Count > MaxLocales))
            v.Add($"locales must hold between 1 and {MaxLocales} locales");
        var content = new Dictionary<string, TemplateLocaleContent>();
        foreach (var (locale, node) in locales ?? [])
        {
            var entry = v.Object(locales, locale, required: true);
            var inApp = v.Object(entry, "inApp");
            var email = v.Object(entry, "email");
            var sms = v.Object(entry, "sms");
            if (entry is not null && inApp is null && email is null && sms is null) v.Add($"locales.{locale} must hold inApp, email or sms content");
            content[locale] = new TemplateLocaleContent(
                inApp is null ? null : new InAppTemplateContent(
                    v.String(inApp, "title", V3Limits.Title, required: true) ?? "", v.String(inApp, "message", V3Limits.Message) ?? "",
                    v.String(inApp, "url", V3Limits.Link), v.String(inApp, "icon", V3Limits.Link)),
                email is null ? null : new EmailTemplateContent(
                    v.String(email, "subject", 1_000, required: true) ?? "", v.String(email, "html", 20_000, required: true) ?? "", v.String(email, "text", 20_000)),
                sms is null ? null : new SmsTemplateContent(v.String(sms, "text", 1_600, required: true) ?? ""));
        }
        if (!v.IsValid || string.IsNullOrEmpty(identifier)) return null;
        var row = new TemplateRow { Identifier = identifier, Name = name!, DefaultLocale = defaultLocale, LocalesJson = TemplateRow.Serialize(content) };
        NotificationSettingsParser.Read(v, root, row);
        if (row.LocalesJson.Length > MaxJson) v.Add($"locales must be shorter than or equal to {MaxJson} characters as JSON");
        CheckRenders(v, row, renderer);
        return v.IsValid ? row : null;
    }

    /// <summary>Liquid syntax errors are the caller's to fix now, not a failed delivery later.</summary>
    private static void CheckRenders(Validation v, TemplateRow row, TemplateRenderer renderer)
    {
        var template = row.ToTemplate() with { Version = "check-" + Guid.NewGuid().ToString("N") };
        foreach (var (locale, content) in template.Locales)
            foreach (var channel in Enum.GetValues<TemplateChannel>().Where(content.Has))
                if (renderer.Render(template with { Locales = new Dictionary<string, TemplateLocaleContent> { [locale] = content }, DefaultLocale = locale },
                        channel, locale, null, null) is TemplateRenderResult.Error error)
                    v.Add($"locales.{locale}.{JsonNamingPolicy.CamelCase.ConvertName(channel.ToString())}: {error.Message}");
    }
}
