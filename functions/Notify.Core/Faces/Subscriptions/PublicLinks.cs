using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Notify.Core.Feeds;

namespace Notify.Core.Faces.Subscriptions;

/// <summary>
/// Links people open: built from <c>Notify:PublicBaseUrl</c> when set (right behind a proxy and on Azure), else
/// from the request's own scheme and host.
/// </summary>
public sealed class PublicLinks(IOptions<FeedOptions> options)
{
    public const string PagePrefix = "feeds";

    public string App(HttpRequest request) => $"{Base(request)}/{PagePrefix}/";

    public string Subscribe(HttpRequest request, string code) => $"{Base(request)}/{PagePrefix}/subscribe/{code}";

    /// <summary>Whether people reach the service over HTTPS, so cookies can be marked Secure.</summary>
    public bool IsHttps(HttpRequest request) => Base(request).StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The origin pages are served from, for checking where a browser request came from.</summary>
    public string? Origin(HttpRequest request) =>
        Uri.TryCreate(Base(request), UriKind.Absolute, out var url) ? url.GetLeftPart(UriPartial.Authority) : null;

    private string Base(HttpRequest request) =>
        options.Value.PublicBaseUrl is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}";
}
