using Microsoft.AspNetCore.Http;

namespace Notify.Core.Faces.V3;

/// <summary>
/// <c>/inbox.js</c>: the <c>&lt;notify-inbox&gt;</c> web component, one dependency-free script embedded in this assembly
/// and served by both hosts. Pages on any origin load it (a module script needs CORS); it then calls the v3 routes.
/// </summary>
public static class InboxComponent
{
    public const string Path = "inbox.js";

    private static readonly byte[] Content = Read();

    public static IResult Script(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.AccessControlAllowOrigin = "*";
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "public, max-age=300";
        return Results.Bytes(Content, "text/javascript; charset=utf-8");
    }

    private static byte[] Read()
    {
        using var stream = typeof(InboxComponent).Assembly.GetManifestResourceStream("Notify.InboxComponent.inbox.js")
            ?? throw new InvalidOperationException("The inbox component is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
