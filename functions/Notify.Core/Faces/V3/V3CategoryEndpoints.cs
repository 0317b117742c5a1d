using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Notify.Core.Categories;
using static Notify.Core.Faces.V3.V3Results;
using Notify.Core.Faces.Kit;

namespace Notify.Core.Faces.V3;

/// <summary>Categories: a user (or the backend) lists them; the backend creates and deletes them.</summary>
public sealed class V3CategoryEndpoints(V3Authenticator auth, CategoryStore categories, IOptions<NotifyOptions> options)
{
    private const int MaxName = 200;

    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken ct)
    {
        var caller = await auth.InboxAsync(request, userRequired: false, ct);
        if (caller.Failure is not null) return caller.Failure;
        return Results.Ok((await categories.ListAsync(caller.Caller!.App.Id, ct)).OrderBy(c => c.Id));
    }

    public async Task<IResult> CreateAsync(HttpRequest request, CancellationToken ct)
    {
        var caller = await auth.BackendAsync(request, ct);
        if (caller.Failure is not null) return caller.Failure;
        var (body, failure) = await V3Body.ReadAsync(request, options.Value.MaxRequestBodyBytes, ct);
        if (failure is not null) return failure;
        var v = new Validation();
        var identifier = v.String(body as JsonObject, "identifier", V3Limits.Category, required: true);
        var name = v.String(body as JsonObject, "name", MaxName, required: true);
        if (!v.IsValid) return Invalid(v.Errors);
        var category = await categories.CreateAsync(caller.Caller!.Id, identifier!, name!, ct);
        return category is null
            ? Error(StatusCodes.Status409Conflict, $"A category with identifier {identifier} already exists")
            : Results.Json(category, statusCode: StatusCodes.Status201Created);
    }

    public async Task<IResult> DeleteAsync(HttpRequest request, string id, CancellationToken ct)
    {
        var caller = await auth.BackendAsync(request, ct);
        if (caller.Failure is not null) return caller.Failure;
        if (!int.TryParse(id, System.Globalization.NumberStyles.None, null, out var categoryId) || categoryId < 1)
            return Invalid("id must be a positive integer");
        return await categories.DeleteAsync(caller.Caller!.Id, categoryId, ct)
            ? Results.Ok(new { statusCode = 200, message = "Category deleted successfully" })
            : NotFound("Category not found");
    }
}
