using System.Net;
using System.Text;
using Notify.Core.Hosting;
using Scalar.AspNetCore;

namespace Notify.SelfHost;

/// <summary>
/// What a person finds on the self-host: <c>GET /</c> links the API reference (<c>/docs</c>, Scalar over the
/// <c>/openapi/{document}.json</c> documents), each document, the health probe and, when <see cref="MailDevSetting"/>
/// names it (the local run script does), MailDev's inbox of sent e-mail.
/// </summary>
public static class LandingPage
{
    public const string MailDevSetting = "SelfHost:MailDevUrl";

    public static WebApplication MapDocs(this WebApplication app)
    {
        var documents = ApiFaces.All.Select(f => f.Description!).ToList();
        app.MapOpenApi(ApiDocuments.RoutePattern).ExcludeFromDescription();
        app.MapScalarApiReference("/docs", options => options
            .WithTitle("Notify API reference")
            // The page loads nothing from elsewhere (system fonts rather than Scalar's font host) and offers no hosted
            // services (Scalar's developer toolbar, AI agent and MCP links).
            .DisableDefaultFonts()
            .HideDeveloperTools()
            .DisableAgent()
            .DisableMcp()
            .WithOpenApiRoutePattern(ApiDocuments.RoutePattern)
            .AddDocuments(documents.Select(d => new ScalarDocument(d.Document, d.Title)))).ExcludeFromDescription();
        var page = Render(documents, app.Configuration[MailDevSetting]);
        app.MapGet("/", () => TypedResults.Content(page, "text/html; charset=utf-8")).ExcludeFromDescription();
        return app;
    }

    private static string Render(IReadOnlyList<Notify.Core.Faces.Kit.ApiDescription> documents, string? mailDev)
    {
        var html = new StringBuilder("""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Notify</title>
            <style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}li{margin:.25rem 0}</style>
            </head><body><main><h1>Notify</h1>
            <p>A self-hosted, multi-channel notification service.</p>
            <ul>
            <li><a href="/docs">API reference</a></li>
            <li><a href="/health">Health</a></li>

            """);
        if (!string.IsNullOrEmpty(mailDev))
            html.Append($"""<li><a href="{WebUtility.HtmlEncode(mailDev)}">MailDev (e-mail sent locally)</a></li>""").Append('\n');
        html.Append("</ul>\n<h2>OpenAPI documents</h2>\n<ul>\n");
        foreach (var d in documents)
            html.Append($"""<li><a href="/openapi/{d.Document}.json">{WebUtility.HtmlEncode(d.Title)}</a></li>""").Append('\n');
        html.Append("</ul></main></body></html>\n");
        return html.ToString();
    }
}
