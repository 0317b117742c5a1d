using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Notify.Core.Faces.Kit;
using Notify.Core.Pipeline;
using Notify.Core.Inbox;
using Notify.Core.Users;
using static Notify.Core.Faces.V3.V3Results;

namespace Notify.Core.Faces.V3;

/// <summary>Backend management of users: create, update the profile, delete (inbox included).</summary>
public sealed class V3UserEndpoints(V3Call call, V3Authenticator auth, UserStore users, UserDeletionHandler deletion)
{
    private sealed record NewUser(string Identifier, JsonObject Profile);

    public Task<Results<Created<UserView>, V3Error>> CreateAsync(HttpRequest request, CancellationToken ct) =>
        call.RunAsync(request, auth.BackendAsync, ParseNewUser, async (app, user) =>
            await UpsertAsync(app.Id, user.Identifier, user.Profile, view => TypedResults.Created((string?)null, view), ct), ct);

    public Task<Results<Ok<UserView>, V3Error>> PutAsync(HttpRequest request, string identifier, CancellationToken ct)
    {
        identifier = RouteValue.Decode(identifier);
        return call.RunAsync(request, auth.BackendAsync, (v, body) => ParseProfile(v, body, identifier), async (app, profile) =>
            await UpsertAsync(app.Id, identifier, profile, TypedResults.Ok, ct), ct);
    }

    public Task<Results<Ok<V3Message>, V3Error>> DeleteAsync(HttpRequest request, string identifier, CancellationToken ct)
    {
        identifier = RouteValue.Decode(identifier);
        return call.RunAsync<Apps.App, Ok<V3Message>>(request, auth.BackendAsync, async app =>
        {
            if (!await users.MarkDeletingAsync(app.Id, identifier, InboxCounters.MarkUserDeleting, ct)) return NotFound("User not found");
            await deletion.StartAsync(app.Id, identifier, ct);
            return V3Message.Done("User deleted successfully");
        }, ct);
    }

    private static NewUser? ParseNewUser(Validation v, JsonNode? body)
    {
        var root = body as JsonObject;
        if (root is null) v.Add("identifier must be a string");
        var identifier = v.String(root, "identifier", V3Limits.Identifier, required: root is not null);
        var profile = v.Object(root, "profile") ?? [];
        CheckProfile(v, profile);
        return identifier is null ? null : new NewUser(identifier, profile);
    }

    private static JsonObject? ParseProfile(Validation v, JsonNode? body, string identifier)
    {
        if (identifier.Length > V3Limits.Identifier) v.Add($"identifier must be shorter than or equal to {V3Limits.Identifier} characters");
        var profile = body switch
        {
            null => [],
            JsonObject o => o,
            _ => null,
        };
        if (profile is null) v.Add("profile must be an object");
        else CheckProfile(v, profile);
        return profile;
    }

    /// <summary>Merges into the stored profile; the merged result is checked too (its size, say), not only the request.</summary>
    private async Task<Results<TOk, V3Error>> UpsertAsync<TOk>(string appId, string identifier, JsonObject profile, Func<UserView, TOk> answer, CancellationToken ct)
        where TOk : IResult
    {
        try
        {
            return answer(UserView.From(await users.UpsertAsync(appId, identifier, profile, ct)));
        }
        catch (ProfileChangeRejectedException e)
        {
            return Invalid(e.Errors);
        }
        catch (UserBeingDeletedException)
        {
            return BeingDeleted();
        }
    }

    private static void CheckProfile(Validation v, JsonObject profile)
    {
        foreach (var error in ProfileRules.Check(null, profile)) v.Add(error);
        if (profile.ToJsonString().Length > Profiles.MaxJsonLength)
            v.Add($"profile must be shorter than or equal to {Profiles.MaxJsonLength} characters as JSON");
    }
}

public sealed record UserView(string Identifier, JsonObject Profile, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static UserView From(UserRow row) => new(row.Identifier, Profiles.Parse(row.ProfileJson), row.Created, row.Updated);
}
