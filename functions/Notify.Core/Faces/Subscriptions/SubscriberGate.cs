using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Notify.Core.Feeds;

namespace Notify.Core.Faces.Subscriptions;

/// <summary>
/// The door of the subscriber API: throttling, a same-origin check on changes (the credential rides in a cookie),
/// and the subscriber credential, from <c>Authorization: Bearer</c> or the page's HttpOnly cookie.
/// </summary>
public sealed class SubscriberGate(RequestThrottle throttle, Subscribers subscribers, PublicLinks links, IOptions<FeedOptions> options)
{
    public const string CookieName = "notify_subscriber";

    /// <summary>The subscriber calling, null when none; or the answer that stops the request.</summary>
    public async Task<(string? SubscriberId, SubscriberError? Failure)> EnterAsync(HttpContext context, string route, bool required, CancellationToken ct)
    {
        if (!throttle.TryAcquire(context, route, options.Value.SubscriberCallsPerMinute)) return (null, SubscriberResults.TooManyRequests());
        if (!HttpMethods.IsGet(context.Request.Method) && !IsSameOrigin(context.Request)) return (null, SubscriberResults.CrossOrigin());
        var id = await subscribers.AuthenticateAsync(Credential(context.Request), ct);
        return id is null && required ? (null, SubscriberResults.Unauthorized()) : (id, null);
    }

    /// <summary>Keeps a new credential in the browser, out of reach of scripts.</summary>
    public void Remember(HttpContext context, SubscriberCredential credential) =>
        context.Response.Cookies.Append(CookieName, credential.Value, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = links.IsHttps(context.Request),
            Path = "/" + PublicLinks.PagePrefix,
            MaxAge = TimeSpan.FromDays(400),
        });

    private static string? Credential(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.FirstOrDefault();
        return authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? authorization["Bearer ".Length..].Trim()
            : request.Cookies[CookieName];
    }

    /// <summary>Browsers send Origin on every change they make; other clients send none and carry a Bearer credential.</summary>
    private bool IsSameOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.FirstOrDefault();
        return origin is null
            || string.Equals(origin, links.Origin(request), StringComparison.OrdinalIgnoreCase)
            || string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
    }
}
