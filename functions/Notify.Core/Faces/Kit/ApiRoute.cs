using Microsoft.AspNetCore.Http;

namespace Notify.Core.Faces.Kit;

/// <summary>
/// One HTTP route of an API face, written once. The self-host maps it as a minimal-API endpoint; the
/// Functions app reaches it through the face's forwarding function and <see cref="ApiDispatcher"/>.
/// The handler is a minimal-API delegate: route values, <c>HttpRequest</c>, services and the
/// cancellation token bind the same way in both hosts. What the handler's signature cannot tell the API
/// description (the JSON body it parses itself, answers beside its typed ones) is added here with
/// <see cref="Accepts{T}"/> and <see cref="Answers{T}"/>.
/// </summary>
public sealed record ApiRoute(string Method, string Template, Delegate Handler)
{
    /// <summary>What the operation does, in a few words (the API reference lists operations by it).</summary>
    public string? Summary { get; init; }

    /// <summary>The request body's record, for a handler that reads its body itself; null when it takes none.</summary>
    public Type? Body { get; init; }

    /// <summary>The query parameters the handler reads itself.</summary>
    public IReadOnlyList<ApiQuery> QueryParameters { get; init; } = [];

    /// <summary>Answers the handler's return type does not name (a streamed list, a page, an event stream).</summary>
    public IReadOnlyList<ApiAnswer> ExtraAnswers { get; init; } = [];

    /// <summary>A route the API descriptions leave out (a CORS preflight).</summary>
    public bool Undocumented { get; init; }

    public static ApiRoute Get(string template, Delegate handler) => new(HttpMethods.Get, template, handler);
    public static ApiRoute Post(string template, Delegate handler) => new(HttpMethods.Post, template, handler);
    public static ApiRoute Put(string template, Delegate handler) => new(HttpMethods.Put, template, handler);
    public static ApiRoute Patch(string template, Delegate handler) => new(HttpMethods.Patch, template, handler);
    public static ApiRoute Delete(string template, Delegate handler) => new(HttpMethods.Delete, template, handler);

    public ApiRoute Summarized(string summary) => this with { Summary = summary };

    public ApiRoute Query(string name, string description) =>
        this with { QueryParameters = [.. QueryParameters, new ApiQuery(name, description)] };

    public ApiRoute Query(string name, string description, int minimum, int maximum) =>
        this with { QueryParameters = [.. QueryParameters, new ApiQuery(name, description, minimum, maximum)] };

    public ApiRoute Accepts<T>() => this with { Body = typeof(T) };

    public ApiRoute Answers<T>(int status, string contentType = "application/json") =>
        this with { ExtraAnswers = [.. ExtraAnswers, new ApiAnswer(status, typeof(T), contentType)] };

    /// <summary>The operation id: the method and the path, camel-cased, parameters as "By…" (<c>getV3NotificationsById</c>).</summary>
    public string OperationId => Method.ToLowerInvariant() + string.Concat(Template.Split('/', '.', '-')
        .Where(s => s.Length > 0)
        .Select(s => s.StartsWith('{') ? "By" + Pascal(s.Trim('{', '}', '*')) : Pascal(s)));

    public override string ToString() => $"{Method} {Template}";

    private static string Pascal(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}

/// <summary>An optional query parameter: a string, or an integer from <see cref="Minimum"/> to <see cref="Maximum"/>.</summary>
public sealed record ApiQuery(string Name, string Description, int? Minimum = null, int? Maximum = null);

/// <summary>An answer a route documents: its status, the body's type (null for none) and content type.</summary>
public sealed record ApiAnswer(int Status, Type? Body, string ContentType = "application/json");

/// <summary>
/// An API face: its name, the path prefixes it owns and its route table. Under Functions each prefix is
/// one forwarding function with the route <c>{prefix}/{*path}</c>, so adding a route never touches the
/// Functions app; a test holds every route under exactly one prefix.
/// </summary>
public sealed record ApiFace(string Name, IReadOnlyList<string> Prefixes, IReadOnlyList<ApiRoute> Routes)
{
    /// <summary>How the face describes itself in its OpenAPI document (every face of <c>ApiFaces.All</c> has one; a test holds it).</summary>
    public ApiDescription? Description { get; init; }

    /// <summary>The path prefix a route template falls under, or null when none of this face's does.</summary>
    public string? PrefixOf(string template) =>
        Prefixes.FirstOrDefault(p => template == p || template.StartsWith(p + "/", StringComparison.Ordinal));
}
