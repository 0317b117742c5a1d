using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Notify.Core.Users;
using static Notify.Core.Faces.V3.V3Results;

namespace Notify.Core.Faces.V3;

/// <summary>A user reads and changes their own profile: merge with PUT, RFC 6902 JSON Patch with PATCH.</summary>
public sealed class V3ProfileEndpoints(V3Authenticator auth, UserStore users, TimeProvider clock, IOptions<NotifyOptions> options)
{
    public async Task<IResult> GetAsync(HttpRequest request, CancellationToken ct)
    {
        var caller = await auth.UserAsync(request, ct);
        if (caller.Failure is not null) return caller.Failure;
        var (app, userId) = caller.Caller!;
        var user = await users.GetAsync(app.Id, userId, ct) ?? UserRow.New(app.Id, userId, clock.GetUtcNow());
        return Results.Ok(UserView.From(user));
    }

    public async Task<IResult> PutAsync(HttpRequest request, CancellationToken ct)
    {
        var caller = await auth.UserAsync(request, ct);
        if (caller.Failure is not null) return caller.Failure;
        var (body, failure) = await V3Body.ReadAsync(request, options.Value.MaxRequestBodyBytes, ct);
        if (failure is not null) return failure;
        if (body is not JsonObject changes) return Invalid("profile must be an object");
        return await ChangeAsync(caller.Caller!, profile => Profiles.MergeInto(profile, changes), ct);
    }

    /// <summary>Applies the whole patch or nothing; a failing <c>test</c> or a missing path leaves the profile unchanged.</summary>
    public async Task<IResult> PatchAsync(HttpRequest request, CancellationToken ct)
    {
        var caller = await auth.UserAsync(request, ct);
        if (caller.Failure is not null) return caller.Failure;
        var (body, failure) = await V3Body.ReadAsync(request, options.Value.MaxRequestBodyBytes, ct);
        if (failure is not null) return failure;
        var problems = ProfilePatch.Check(body);
        if (problems.Count > 0) return Invalid(problems);
        return await ChangeAsync(caller.Caller!, profile => ProfilePatch.Apply(profile, (JsonArray)body!), ct);
    }

    private async Task<IResult> ChangeAsync(UserCaller caller, Func<JsonObject, JsonObject> change, CancellationToken ct)
    {
        try
        {
            var user = await users.UpdateProfileAsync(caller.App.Id, caller.UserId, stored => Profiles.Change(stored, change), ct);
            return Results.Ok(UserView.From(user));
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
