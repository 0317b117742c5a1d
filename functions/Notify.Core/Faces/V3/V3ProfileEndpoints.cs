using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Notify.Core.Faces.Kit;
using Notify.Core.Users;
using static Notify.Core.Faces.V3.V3Results;

namespace Notify.Core.Faces.V3;

/// <summary>A user reads and changes their own profile: merge with PUT, RFC 6902 JSON Patch with PATCH.</summary>
public sealed class V3ProfileEndpoints(V3Call call, V3Authenticator auth, UserStore users, TimeProvider clock)
{
    public Task<Results<Ok<UserView>, V3Error>> GetAsync(HttpRequest request, CancellationToken ct) =>
        call.RunAsync<UserCaller, Ok<UserView>>(request, auth.UserAsync, async caller =>
            TypedResults.Ok(UserView.From(await users.GetAsync(caller.App.Id, caller.UserId, ct) ?? UserRow.New(caller.App.Id, caller.UserId, clock.GetUtcNow()))), ct);

    public Task<Results<Ok<UserView>, V3Error>> PutAsync(HttpRequest request, CancellationToken ct) =>
        call.RunAsync(request, auth.UserAsync, ReadChanges, (caller, changes) =>
            ChangeAsync(caller, profile => Profiles.MergeInto(profile, changes), ct), ct);

    /// <summary>Applies the whole patch or nothing; a failing <c>test</c> or a missing path leaves the profile unchanged.</summary>
    public Task<Results<Ok<UserView>, V3Error>> PatchAsync(HttpRequest request, CancellationToken ct) =>
        call.RunAsync(request, auth.UserAsync, ReadPatch, (caller, patch) =>
            ChangeAsync(caller, profile => ProfilePatch.Apply(profile, patch), ct), ct);

    private static JsonObject? ReadChanges(Validation v, JsonNode? body)
    {
        if (body is not JsonObject changes) v.Add("profile must be an object");
        return body as JsonObject;
    }

    private static JsonArray? ReadPatch(Validation v, JsonNode? body)
    {
        foreach (var problem in ProfilePatch.Check(body)) v.Add(problem);
        return body as JsonArray;
    }

    private async Task<Results<Ok<UserView>, V3Error>> ChangeAsync(UserCaller caller, Func<JsonObject, JsonObject> change, CancellationToken ct)
    {
        try
        {
            var user = await users.UpdateProfileAsync(caller.App.Id, caller.UserId, stored => Profiles.Change(stored, change), ct);
            return TypedResults.Ok(UserView.From(user));
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
}
