using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Notify.Core.Auth;
using Notify.Core.Faces.Kit;
using Notify.Core.Users;
using static Notify.Core.Faces.V3.V3Results;

namespace Notify.Core.Faces.V3;

/// <summary>Backend management of users: create, update the profile, delete (inbox included).</summary>
public sealed class V3UserEndpoints(V3Authenticator auth, UserStore users, IOptions<NotifyOptions> options)
{
    public async Task<IResult> CreateAsync(HttpRequest request, CancellationToken ct)
    {
        var caller = await auth.BackendAsync(request, ct);
        if (caller.Failure is not null) return caller.Failure;
        var (body, failure) = await V3Body.ReadAsync(request, options.Value.MaxRequestBodyBytes, ct);
        if (failure is not null) return failure;
        var v = new Validation();
        var root = body as JsonObject;
        if (root is null) v.Add("identifier must be a string");
        var identifier = v.String(root, "identifier", V3Limits.Identifier, required: root is not null);
        var profile = v.Object(root, "profile") ?? [];
        CheckProfile(v, profile);
        if (!v.IsValid) return Invalid(v.Errors);
        return await UpsertAsync(caller.Caller!.Id, identifier!, profile, StatusCodes.Status201Created, ct);
    }

    public async Task<IResult> PutAsync(HttpRequest request, string identifier, CancellationToken ct)
    {
        identifier = RouteValue.Decode(identifier);
        var caller = await auth.BackendAsync(request, ct);
        if (caller.Failure is not null) return caller.Failure;
        var (body, failure) = await V3Body.ReadAsync(request, options.Value.MaxRequestBodyBytes, ct);
        if (failure is not null) return failure;
        var v = new Validation();
        if (identifier.Length > V3Limits.Identifier) v.Add($"identifier must be shorter than or equal to {V3Limits.Identifier} characters");
        var profile = body switch
        {
            null => [],
            JsonObject o => o,
            _ => null,
        };
        if (profile is null) v.Add("profile must be an object");
        else CheckProfile(v, profile);
        if (!v.IsValid) return Invalid(v.Errors);
        return await UpsertAsync(caller.Caller!.Id, identifier, profile!, StatusCodes.Status200OK, ct);
    }

    public async Task<IResult> DeleteAsync(HttpRequest request, string identifier, CancellationToken ct)
    {
        identifier = RouteValue.Decode(identifier);
        var caller = await auth.BackendAsync(request, ct);
        if (caller.Failure is not null) return caller.Failure;
        return await users.DeleteAsync(caller.Caller!.Id, identifier, ct)
            ? Results.Ok(new { statusCode = 200, message = "User deleted successfully" })
            : NotFound("User not found");
    }

    /// <summary>Merges into the stored profile; the merged result is checked too (its size, say), not only the request.</summary>
    private async Task<IResult> UpsertAsync(string appId, string identifier, JsonObject profile, int status, CancellationToken ct)
    {
        try
        {
            return Results.Json(UserView.From(await users.UpsertAsync(appId, identifier, profile, ct)), statusCode: status);
        }
        catch (ProfileChangeRejectedException e)
        {
            return Invalid(e.Errors);
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
    /// <summary>A user first made by a delivery has no times of its own (the delivery does not read the row): its row's timestamp stands in.</summary>
    public static UserView From(UserRow row) => new(row.Identifier, Profiles.Parse(row.ProfileJson),
        row.CreatedAt == default ? row.Timestamp ?? default : row.CreatedAt,
        row.UpdatedAt == default ? row.Timestamp ?? default : row.UpdatedAt);
}
