using System.Text.Json.Nodes;
using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Notify.Core.Apps;
using Notify.Core.Auth;
using Notify.Core.Faces.Kit;

namespace Notify.Core.Faces.Operator;

/// <summary>The operator API. With no operator key configured it does not exist (404), rather than being open.</summary>
public sealed class OperatorEndpoints(OperatorCall call, AppStore apps)
{
    public Task<Results<Created<AppView>, OperatorError>> CreateAppAsync(HttpRequest request, CancellationToken ct) =>
        call.RunAsync<Operator, string, Created<AppView>>(request, call.Guard, (v, body) => v.String(body as JsonObject, "name", 200, required: true),
            async (_, name) => TypedResults.Created((string?)null, AppView.From(await apps.CreateAsync(name, null, ct))), ct);

    public Task<Results<Ok<AppView>, OperatorError>> GetAppAsync(HttpRequest request, string id, CancellationToken ct) =>
        call.RunAsync<Operator, Ok<AppView>>(request, call.Guard, async _ =>
            await apps.GetAsync(id, ct) is { } app ? TypedResults.Ok(AppView.From(app)) : OperatorError.NotFound("App not found"), ct);

    /// <summary>The app is found before the patch is checked, since the channel options apply to what is stored.</summary>
    public Task<Results<Ok<AppView>, OperatorError>> UpdateAppAsync(HttpRequest request, string id, CancellationToken ct) =>
        call.RunAsync<Operator, JsonNode, Ok<AppView>>(request, call.Guard, (_, body) => body ?? JsonValue.Create(0), async (_, body) =>
        {
            var app = await apps.GetAsync(id, ct);
            if (app is null) return OperatorError.NotFound("App not found");
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
            if (!v.IsValid) return OperatorError.Invalid(v.Errors);
            if (name is not null) app.Name = name;
            if (hmac is not null) app.HmacRequired = hmac.Value;
            if (secure is not null) app.SecureModeRequired = secure.Value;
            if (patch!.ContainsKey("signingPublicKeyPem")) app.SigningPublicKeyPem = string.IsNullOrWhiteSpace(pem) ? null : pem;
            return await SaveAsync(app, ct);
        }, ct);

    public Task<Results<Ok<AppView>, OperatorError>> RotateSecretAsync(HttpRequest request, string id, CancellationToken ct) =>
        call.RunAsync<Operator, Ok<AppView>>(request, call.Guard, async _ =>
        {
            var app = await apps.GetAsync(id, ct);
            if (app is null) return OperatorError.NotFound("App not found");
            app.ApiSecret = Secrets.NewApiSecret();
            return await SaveAsync(app, ct);
        }, ct);

    private async Task<Results<Ok<AppView>, OperatorError>> SaveAsync(App app, CancellationToken ct)
    {
        try
        {
            return TypedResults.Ok(AppView.From(await apps.UpdateAsync(app, ct)));
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return OperatorError.Conflict("The app was changed by another request; try again");
        }
    }
}

public sealed record AppView(
    string Id, string Name, string ApiKey, string ApiSecret, bool HmacRequired, bool SecureModeRequired,
    string? SigningPublicKeyPem, DateTimeOffset CreatedAt, IReadOnlyList<string> DefaultChannels,
    string? WebhookUrl, string? WebhookSecret, bool WebhookDisabled, JsonNode? RateLimits, IReadOnlyList<string>? AllowedOrigins)
{
    public static AppView From(App app) => new(
        app.Id, app.Name, app.ApiKey, app.ApiSecret, app.HmacRequired, app.SecureModeRequired, app.SigningPublicKeyPem, app.CreatedAt,
        AppChannels.Defaults(app), app.WebhookUrl, app.WebhookSecret, app.WebhookDisabled,
        app.RateLimitsJson is null ? null : JsonNode.Parse(app.RateLimitsJson), BrowserOrigins.Of(app));
}
