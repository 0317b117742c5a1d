using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Fluid;
using Notify.Core.Content;

namespace Notify.Core.Templates;

/// <summary>
/// Renders <see cref="Template"/>s with Liquid (Fluid). Variables: <c>data.*</c> (the send's data) and
/// <c>user.*</c> (the recipient's profile), and <c>increment</c> (how many messages a stacked item holds). Bad templates give <see cref="TemplateRenderResult.Error"/>, never an
/// exception. Thread-safe; register as a singleton so that the parse cache is shared.
/// </summary>
public sealed class TemplateRenderer
{
    // Templates come from tenants: bound the work one render may do so a loop cannot stall a queue worker.
    private static readonly TemplateOptions Options = new()
    {
        MaxSteps = 100_000,
        MaxRecursion = 32,
        CultureInfo = CultureInfo.InvariantCulture,
        TimeZone = TimeZoneInfo.Utc,
    };

    // Encodes only what HTML needs, so "João" stays readable instead of becoming "Jo&#xE3;o".
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly TemplateParseCache _cache = new();

    public TemplateRenderResult Render(
        Template template, TemplateChannel channel, string? userLocale, JsonNode? data, JsonNode? profile, int increment = 1)
    {
        var locale = TemplateLocales.Pick(template, channel, userLocale);
        if (locale is null)
        {
            return new TemplateRenderResult.Error($"Template '{template.Id}' has no {channel} content in any locale.");
        }

        var content = template.Locales[locale];
        var context = new TemplateContext(Options);
        context.SetValue("data", data ?? new JsonObject());
        context.SetValue("user", profile ?? new JsonObject());
        context.SetValue("increment", increment);
        string Field(string name, string source, TextEncoder encoder) =>
            _cache.Get(template, locale, name, source).Render(context, encoder);

        try
        {
            RenderedContent rendered = channel switch
            {
                TemplateChannel.InApp when content.InApp is { } inApp => new RenderedContent.InApp(new NotificationContent(
                    Field("inApp.title", inApp.Title, NullEncoder.Default),
                    Field("inApp.message", inApp.Message, NullEncoder.Default),
                    inApp.Icon is null ? null : Field("inApp.icon", inApp.Icon, NullEncoder.Default),
                    inApp.Url is null ? null : Field("inApp.url", inApp.Url, NullEncoder.Default))),
                TemplateChannel.Email when content.Email is { } email => new RenderedContent.Email(
                    Field("email.subject", email.Subject, NullEncoder.Default),
                    Field("email.html", email.Html, Html),
                    email.Text is null ? null : Field("email.text", email.Text, NullEncoder.Default)),
                TemplateChannel.Sms when content.Sms is { } sms => new RenderedContent.Sms(Field("sms.text", sms.Text, NullEncoder.Default)),
                _ => throw new TemplateException($"no {channel} content"),
            };
            return new TemplateRenderResult.Rendered(locale, rendered);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Fluid reports runtime faults (step limit, bad filter arguments) with assorted exception types;
            // whatever a tenant's template does wrong must come back as data, not crash the delivery.
            return new TemplateRenderResult.Error($"Template '{template.Id}' ({locale}): {e.Message}");
        }
    }
}
