using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Notify.Core.Categories;
using Notify.Core.Faces.Kit;
using static Notify.Core.Faces.V3.V3Results;

namespace Notify.Core.Faces.V3;

/// <summary>Categories: a user (or the backend) lists them; the backend creates and deletes them.</summary>
public sealed class V3CategoryEndpoints(V3Call call, V3Authenticator auth, CategoryStore categories)
{
    private const int MaxName = 200;

    private sealed record NewCategory(string Identifier, string Name);

    public Task<Results<Ok<IReadOnlyList<Category>>, V3Error>> ListAsync(HttpRequest request, CancellationToken ct) =>
        call.RunAsync<InboxCaller, Ok<IReadOnlyList<Category>>>(request, (r, t) => auth.InboxAsync(r, userRequired: false, t), async caller =>
            TypedResults.Ok<IReadOnlyList<Category>>((await categories.ListAsync(caller.App.Id, ct)).OrderBy(c => c.Id).ToList()), ct);

    public Task<Results<Created<Category>, V3Error>> CreateAsync(HttpRequest request, CancellationToken ct) =>
        call.RunAsync<Apps.App, NewCategory, Created<Category>>(request, auth.BackendAsync, Parse, async (app, input) =>
        {
            if (await categories.IsFullAsync(app.Id, ct))
                return Error(StatusCodes.Status409Conflict, $"An app holds at most {CategoryStore.MaxPerApp} categories");
            var category = await categories.CreateAsync(app.Id, input.Identifier, input.Name, ct);
            return category is null
                ? Error(StatusCodes.Status409Conflict, $"A category with identifier {input.Identifier} already exists")
                : TypedResults.Created((string?)null, category);
        }, ct);

    public Task<Results<Ok<V3Message>, V3Error>> DeleteAsync(HttpRequest request, string id, CancellationToken ct) =>
        call.RunAsync<Apps.App, Ok<V3Message>>(request, auth.BackendAsync, async app =>
        {
            if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var categoryId) || categoryId < 1)
                return Invalid("id must be a positive integer");
            return await categories.DeleteAsync(app.Id, categoryId, ct)
                ? V3Message.Done("Category deleted successfully")
                : NotFound("Category not found");
        }, ct);

    private static NewCategory? Parse(Validation v, JsonNode? body)
    {
        var identifier = v.String(body as JsonObject, "identifier", V3Limits.Category, required: true);
        var name = v.String(body as JsonObject, "name", MaxName, required: true);
        return identifier is null || name is null ? null : new NewCategory(identifier, name);
    }
}
