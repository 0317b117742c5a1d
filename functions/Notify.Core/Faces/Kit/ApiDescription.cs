namespace Notify.Core.Faces.Kit;

/// <summary>
/// What a face's OpenAPI document says beside its routes: the document name (<c>/openapi/{Document}.json</c>),
/// a title and summary, how callers authenticate, and the face's own error answers.
/// </summary>
public sealed record ApiDescription(
    string Document, string Title, string Summary, IReadOnlyList<ApiSecurity> Security, IReadOnlyList<ApiErrors> Errors)
{
    /// <summary>The error answers a route may give: those of the first <see cref="ApiErrors"/> whose path it falls under.</summary>
    public IEnumerable<ApiAnswer> ErrorsOf(ApiRoute route) =>
        Errors.FirstOrDefault(e => route.Template.StartsWith(e.Under, StringComparison.Ordinal)) is { } errors
            ? errors.Statuses.Select(status => new ApiAnswer(status, errors.Body))
            : [];

    /// <summary>Sets of schemes a caller may present: any one set authenticates (each set's schemes together).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Requirements { get; init; } = [];
}

/// <summary>One way to authenticate: a named value in a header, query or cookie (<see cref="In"/>), or an HTTP scheme (<c>bearer</c>).</summary>
public sealed record ApiSecurity(string Id, string Description, string? Name = null, string? In = null, string? HttpScheme = null)
{
    public static ApiSecurity InHeader(string id, string header, string description) => new(id, description, header, "header");

    public static ApiSecurity InQuery(string id, string name, string description) => new(id, description, name, "query");

    public static ApiSecurity InCookie(string id, string name, string description) => new(id, description, name, "cookie");

    public static ApiSecurity Bearer(string id, string description) => new(id, description, HttpScheme: "bearer");
}

/// <summary>A face's error body and the statuses it comes with, for the routes under a path (all of them when empty).</summary>
public sealed record ApiErrors(string Under, Type Body, params int[] Statuses)
{
    public static ApiErrors All(Type body, params int[] statuses) => new("", body, statuses);
}
