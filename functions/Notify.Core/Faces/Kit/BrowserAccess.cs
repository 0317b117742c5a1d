using Microsoft.AspNetCore.Http;
using Notify.Core.Apps;

namespace Notify.Core.Faces.Kit;

/// <summary>
/// CORS for the routes a browser calls from a customer's own origin, answered by the face itself so both hosts behave
/// alike (platform CORS stays off, see docs/deploy.md). A preflight carries no credentials, so it cannot name the app:
/// it is answered for the path (its methods and the face's request headers, never a secret's header). The app's
/// <see cref="BrowserOrigins"/> are enforced on the request itself, once the caller is known: an origin outside them
/// is refused before anything is done, and its answer carries no <c>Access-Control-Allow-Origin</c>.
/// </summary>
public static class BrowserAccess
{
    private const string PreflightMaxAge = "600";

    /// <summary>One OPTIONS route per template of <paramref name="routes"/>, allowing the methods served there.</summary>
    public static IEnumerable<ApiRoute> Preflights(IEnumerable<ApiRoute> routes, IReadOnlyCollection<string> requestHeaders) =>
        routes.GroupBy(r => r.Template).Select(g =>
        {
            var methods = g.Select(r => r.Method).Distinct().ToArray();
            return new ApiRoute(HttpMethods.Options, g.Key, (HttpContext c) => Preflight(c, methods, requestHeaders)) { Undocumented = true };
        });

    /// <summary>204 with the CORS headers, or 403 without them when the origin, method or a header is not one the path takes.</summary>
    public static IResult Preflight(HttpContext http, IReadOnlyCollection<string> methods, IReadOnlyCollection<string> requestHeaders)
    {
        var request = http.Request.Headers;
        var origin = request.Origin.FirstOrDefault();
        var method = request.AccessControlRequestMethod.FirstOrDefault();
        var headers = request.AccessControlRequestHeaders.SelectMany(h => (h ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        if (origin is null || BrowserOrigins.Normalize(origin) is null || method is null || !methods.Contains(method)
            || !headers.All(h => requestHeaders.Contains(h, StringComparer.OrdinalIgnoreCase)))
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        var response = http.Response.Headers;
        Allow(http, origin);
        response.AccessControlAllowMethods = string.Join(", ", methods);
        response.AccessControlAllowHeaders = string.Join(", ", requestHeaders);
        response.AccessControlMaxAge = PreflightMaxAge;
        return Results.NoContent();
    }

    /// <summary>
    /// For a caller of <paramref name="app"/>: true when the request came from no browser origin or from one the app
    /// allows (then the answer carries the CORS headers); false when the request must be refused.
    /// </summary>
    public static bool Admit(HttpContext http, App app)
    {
        var origin = http.Request.Headers.Origin.FirstOrDefault();
        if (origin is null) return true;
        if (!BrowserOrigins.Allows(app, origin)) return false;
        Allow(http, origin);
        return true;
    }

    /// <summary>An answer given before the app is known (bad credentials) is readable by the page, so it can say why.</summary>
    public static void AllowUnknownCaller(HttpContext http)
    {
        if (http.Request.Headers.Origin.FirstOrDefault() is { } origin) Allow(http, origin);
    }

    private static void Allow(HttpContext http, string origin)
    {
        var response = http.Response.Headers;
        response.AccessControlAllowOrigin = origin;
        response.Append("Vary", "Origin");
    }
}
