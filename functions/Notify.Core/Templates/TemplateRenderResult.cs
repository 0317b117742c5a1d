namespace Notify.Core.Templates;

/// <summary>Rendered text for one channel.</summary>
public abstract record RenderedContent
{
    private RenderedContent()
    {
    }

    public sealed record InApp(string Title, string Message, string? Url, string? Icon = null) : RenderedContent;

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
