using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Notify.Core.V3;

namespace Notify.Functions;

/// <summary>v3 profile, preferences and SDK connect routes (Notify.Core.V3.V3AccountRoutes).</summary>
public sealed class V3AccountFunctions(V3ProfileEndpoints profile, V3PreferenceEndpoints preferences, V3SdkEndpoints sdk)
{
    [Function(nameof(V3GetProfile))]
    public Task<IResult> V3GetProfile([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v3/profile")] HttpRequest req, CancellationToken ct) =>
        profile.GetAsync(req, ct);

    [Function(nameof(V3PutProfile))]
    public Task<IResult> V3PutProfile([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "v3/profile")] HttpRequest req, CancellationToken ct) =>
        profile.PutAsync(req, ct);

    [Function(nameof(V3PatchProfile))]
    public Task<IResult> V3PatchProfile([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "v3/profile")] HttpRequest req, CancellationToken ct) =>
        profile.PatchAsync(req, ct);

    [Function(nameof(V3GetPreferences))]
    public Task<IResult> V3GetPreferences([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v3/preferences")] HttpRequest req, CancellationToken ct) =>
        preferences.GetAsync(req, ct);

    [Function(nameof(V3PatchPreferences))]
    public Task<IResult> V3PatchPreferences([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "v3/preferences")] HttpRequest req, CancellationToken ct) =>
        preferences.SetAsync(req, ct);

    [Function(nameof(V3PutPreferences))]
    public Task<IResult> V3PutPreferences([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "v3/preferences")] HttpRequest req, CancellationToken ct) =>
        preferences.SetAsync(req, ct);

    [Function(nameof(V3SdkConnect))]
    public Task<IResult> V3SdkConnect([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v3/sdk/connect")] HttpRequest req, CancellationToken ct) =>
        sdk.ConnectAsync(req, ct);
}
