using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;

namespace Notify.Core.Faces.Subscriptions;

/// <summary>
/// The subscriber's page: one HTML file, a script and a stylesheet, embedded in this assembly and served by Notify
/// itself (no build step, no CDN). The content security policy allows only this origin's script and style, so text
/// from a notification can never run as code even if a future change rendered it carelessly.
/// </summary>
public static class SubscriberPage
{
    private const string Policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly FrozenDictionary<string, (byte[] Content, string Type)> Assets = new Dictionary<string, (byte[], string)>
    {
        ["index.html"] = (Read("index.html"), "text/html; charset=utf-8"),
        ["app.js"] = (Read("app.js"), "text/javascript; charset=utf-8"),
        ["app.css"] = (Read("app.css"), "text/css; charset=utf-8"),
        ["icon.svg"] = (Read("icon.svg"), "image/svg+xml"),
    }.ToFrozenDictionary();

    /// <summary>The page itself, for every page path: the script reads the path to know what to show.</summary>
    public static IResult Page(HttpContext context) => Serve(context, "index.html");

    public static IResult Asset(HttpContext context, string file) =>
        Assets.ContainsKey(file) && file != "index.html" ? Serve(context, file) : Results.Text("No such file.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);

    private static IResult Serve(HttpContext context, string file)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        var (content, type) = Assets[file];
        return Results.Bytes(content, type);
    }

    private static byte[] Read(string file)
    {
        using var stream = typeof(SubscriberPage).Assembly.GetManifestResourceStream($"Notify.SubscriberPage.{file}")
            ?? throw new InvalidOperationException($"The subscriber page's {file} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
