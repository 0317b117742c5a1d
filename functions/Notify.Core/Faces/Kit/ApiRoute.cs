using Microsoft.AspNetCore.Http;

namespace Notify.Core.Faces.Kit;

/// <summary>
/// One HTTP route of an API face, written once. The self-host maps it as a minimal-API endpoint; the
/// Functions app reaches it through the face's forwarding function and <see cref="ApiDispatcher"/>.
/// The handler is a minimal-API delegate: route values, <c>HttpRequest</c>, services and the
/// cancellation token bind the same way in both hosts.
/// </summary>
public sealed record ApiRoute(string Method, string Template, Delegate Handler)
{
    public static ApiRoute Get(string template, Delegate handler) => new(HttpMethods.Get, template, handler);
    public static ApiRoute Post(string template, Delegate handler) => new(HttpMethods.Post, template, handler);
    public static ApiRoute Put(string template, Delegate handler) => new(HttpMethods.Put, template, handler);
    public static ApiRoute Patch(string template, Delegate handler) => new(HttpMethods.Patch, template, handler);
    public static ApiRoute Delete(string template, Delegate handler) => new(HttpMethods.Delete, template, handler);

    public override string ToString() => $"{Method} {Template}";
}

/// <summary>
/// An API face: its name, the path prefixes it owns and its route table. Under Functions each prefix is
/// one forwarding function with the route <c>{prefix}/{*path}</c>, so adding a route never touches the
/// Functions app; a test holds every route under exactly one prefix.
/// </summary>
public sealed record ApiFace(string Name, IReadOnlyList<string> Prefixes, IReadOnlyList<ApiRoute> Routes)
{
    /// <summary>The path prefix a route template falls under, or null when none of this face's does.</summary>
    public string? PrefixOf(string template) =>
        Prefixes.FirstOrDefault(p => template == p || template.StartsWith(p + "/", StringComparison.Ordinal));
}
