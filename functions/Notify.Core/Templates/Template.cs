namespace Notify.Core.Templates;

/// <summary>The delivery channels a template carries content for.</summary>
public enum TemplateChannel
{
    InApp,
    Email,
    Sms,
}

/// <summary>
/// A Liquid template with content per locale. <see cref="Version"/> must change whenever any content changes:
/// parsed templates are cached by (<see cref="Id"/>, <see cref="Version"/>).
/// </summary>
public sealed record Template(
    string Id,
    string Version,
    string DefaultLocale,
    IReadOnlyDictionary<string, TemplateLocaleContent> Locales);

/// <summary>What one locale says on each channel; a channel left null has no content in that locale.</summary>
public sealed record TemplateLocaleContent(InAppTemplateContent? InApp = null, EmailTemplateContent? Email = null, SmsTemplateContent? Sms = null)
{
    public bool Has(TemplateChannel channel) => channel switch
    {
        TemplateChannel.InApp => InApp is not null,
        TemplateChannel.Email => Email is not null,
        TemplateChannel.Sms => Sms is not null,
        _ => false,
    };
}

public sealed record InAppTemplateContent(string Title, string Message, string? Url = null, string? Icon = null);

public sealed record EmailTemplateContent(string Subject, string Html, string? Text = null);

public sealed record SmsTemplateContent(string Text);
