using Notify.Core.Content;

namespace Notify.Core.Templates;

/// <summary>Rendered text for one channel.</summary>
public abstract record RenderedContent
{
    private RenderedContent()
    {
    }

    /// <summary>In-app content: title, message, and the url and icon when the template has them.</summary>
    public sealed record InApp(NotificationContent Content) : RenderedContent;

    /// <summary>Email content; only <see cref="Html"/> had its variables HTML-encoded.</summary>
    public sealed record Email(string Subject, string Html, string? Text) : RenderedContent;

    public sealed record Sms(string Text) : RenderedContent;
}

/// <summary>Either the rendered content and the locale it came from, or why the template could not be rendered.</summary>
public abstract record TemplateRenderResult
{
    private TemplateRenderResult()
    {
    }

    public sealed record Rendered(string Locale, RenderedContent Content) : TemplateRenderResult;

    public sealed record Error(string Message) : TemplateRenderResult;
}
