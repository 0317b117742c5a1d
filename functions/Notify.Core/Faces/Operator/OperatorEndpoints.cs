using System.Text.Json.Nodes;
using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Notify.Core.Apps;
using Notify.Core.Auth;
using Notify.Core.Faces.V3;
using static Notify.Core.Faces.V3.V3Results;
using Notify.Core.Faces.Kit;

namespace Notify.Core.Faces.Operator;

/// <summary>The operator API. With no operator key configured it does not exist (404), rather than being open.</summary>
public sealed class OperatorEndpoints(AppStore apps, IOptions<NotifyOptions> options)
{
    public const string KeyHeader = "X-Notify-Operator-Key";

    public async Task<IResult> CreateAppAsync(HttpRequest request, CancellationToken ct)
    {
        if (Guard(request) is { } denied) return denied;
        var (body, failure) = await V3Body.ReadAsync(request, options.Value.MaxRequestBodyBytes, ct);
        if (failure is not null) return failure;
        var v = new Validation();
        var name = v.String(body as JsonObject, "name", 200, required: true);
        if (!v.IsValid) return Invalid(v.Errors);
        var app = await apps.CreateAsync(name!, null, ct);
        return Results.Json(AppView.From(app), statusCode: StatusCodes.Status201Created);
    }

    public async Task<IResult> GetAppAsync(HttpRequest request, string id, CancellationToken ct)
    {
        if (Guard(request) is { } denied) return denied;
        var app = await apps.GetAsync(id, ct);
        return app is null ? NotFound("App not found") : Results.Ok(AppView.From(app));
    }

    public async Task<IResult> UpdateAppAsync(HttpRequest request, string id, CancellationToken ct)
    {
        if (Guard(request) is { } denied) return denied;
        var (body, failure) = await V3Body.ReadAsync(request, options.Value.MaxRequestBodyBytes, ct);
        if (failure is not null) return failure;
        var app = await apps.GetAsync(id, ct);
        if (app is null) return NotFound("App not found");
        var v = new Validation();
        var patch = body as JsonObject;
        if (patch is null) v.Add("body must be an object");
        var name = v.String(patch, "name", 200);
        var hmac = v.Boolean(patch, "hmacRequired");
        var secure = v.Boolean(patch, "secureModeRequired");
        var pem = v.String(patch, "signingPublicKeyPem", 10_000);
        if (!string.IsNullOrWhiteSpace(pem) && !UserTokenValidator.IsValidPublicKey(pem))
            v.Add("signingPublicKeyPem must be a PEM-encoded RSA public key");
        OperatorChannelPatch.Read(v, patch, app);
        if (!v.IsValid) return Invalid(v.Errors);
        if (name is not null) app.Name = name;
        if (hmac is not null) app.HmacRequired = hmac.Value;
        if (secure is not null) app.SecureModeRequired = secure.Value;
        if (patch!.ContainsKey("signingPublicKeyPem")) app.SigningPublicKeyPem = string.IsNullOrWhiteSpace(pem) ? null : pem;
        return await SaveAsync(app, ct);
    }

    public async Task<IResult> RotateSecretAsync(HttpRequest request, string id, CancellationToken ct)
    {
        if (Guard(request) is { } denied) return denied;
        var app = await apps.GetAsync(id, ct);
        if (app is null) return NotFound("App not found");
        app.ApiSecret = Secrets.NewApiSecret();
        return await SaveAsync(app, ct);
    }

    private async Task<IResult> SaveAsync(App app, CancellationToken ct)
    {
        try
        {
            return Results.Ok(AppView.From(await apps.UpdateAsync(app, ct)));
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return Error(StatusCodes.Status409Conflict, "The app was changed by another request; try again");
        }
    }

    private IResult? Guard(HttpRequest request)
    {
        var key = options.Value.OperatorKey;
        if (string.IsNullOrEmpty(key)) return Results.NotFound();
        return Secrets.AreEqual(request.Headers[KeyHeader].FirstOrDefault(), key) ? null : Unauthorized("Invalid operator key");
    }
}

public sealed record AppView(
    string Id, string Name, string ApiKey, string ApiSecret, bool HmacRequired, bool SecureModeRequired,
    string? SigningPublicKeyPem, DateTimeOffset CreatedAt, IReadOnlyList<string> DefaultChannels,
    string? WebhookUrl, string? WebhookSecret, bool WebhookDisabled, JsonNode? RateLimits)
{
    public static AppView From(App app) => new(
        app.Id, app.Name, app.ApiKey, app.ApiSecret, app.HmacRequired, app.SecureModeRequired, app.SigningPublicKeyPem, app.CreatedAt,
        AppChannels.Defaults(app), app.WebhookUrl, app.WebhookSecret, app.WebhookDisabled,
        app.RateLimitsJson is null ? null : JsonNode.Parse(app.RateLimitsJson));
}
