using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Notify.Core.Devices;
using Notify.Core.Faces.Kit;
using Notify.Core.Inbox;

namespace Notify.Core.Faces.V3;

/// <summary>Front-end SDK start-up: registers the device and tells the SDK what it needs to render the inbox.</summary>
public sealed class V3SdkEndpoints(V3Call call, V3Authenticator auth, DeviceStore devices, InboxStore inbox)
{
    private const int MaxUserAgent = 1_000;

    private sealed record Device(string Id, string Type, string? Version);

    public Task<Results<Ok<V3SdkConnection>, V3Error>> ConnectAsync(HttpRequest request, CancellationToken ct) =>
        call.RunAsync<UserCaller, Device, Ok<V3SdkConnection>>(request, auth.UserAsync, (v, body) => ReadDevice(v, body, request), async (caller, device) =>
        {
            var (app, userId) = caller;
            var userAgent = request.Headers.UserAgent.FirstOrDefault() is { } agent ? agent[..Math.Min(agent.Length, MaxUserAgent)] : null;
            await devices.RegisterAsync(app.Id, userId, device.Id, device.Type, userAgent, ClientAddress(request), device.Version, ct);
            return TypedResults.Ok(new V3SdkConnection(
                await inbox.GetUnreadCountAsync(app.Id, userId, ct),
                new V3SdkApp(app.Id, app.Name, DeliveryChannels.Default, app.SecureModeRequired)));
        }, ct);

    private static Device? ReadDevice(Validation v, JsonNode? body, HttpRequest request)
    {
        var deviceId = request.Headers[V3Headers.DeviceId].FirstOrDefault();
        if (string.IsNullOrEmpty(deviceId)) v.Add($"{V3Headers.DeviceId} header should not be empty");
        else if (deviceId.Length > V3Limits.Identifier) v.Add($"{V3Headers.DeviceId} header must be shorter than or equal to {V3Limits.Identifier} characters");
        var deviceType = v.String(body as JsonObject, "deviceType", 20, required: true);
        var version = v.String(body as JsonObject, "version", 50);
        if (!string.IsNullOrEmpty(deviceType) && !DeviceTypes.All.Contains(deviceType))
            v.Add($"deviceType must be one of the following values: {string.Join(", ", DeviceTypes.All)}");
        return deviceId is null || deviceType is null ? null : new Device(deviceId, deviceType, version);
    }

    /// <summary>Behind the Functions front end the client's address arrives in X-Forwarded-For.</summary>
    private static string? ClientAddress(HttpRequest request) =>
        request.Headers["X-Forwarded-For"].FirstOrDefault()?.Split(',')[0].Trim() is { Length: > 0 and <= 64 } forwarded
            ? forwarded
            : request.HttpContext.Connection.RemoteIpAddress?.ToString();
}

public sealed record V3SdkConnection(int UnreadCount, V3SdkApp App);

public sealed record V3SdkApp(string Id, string Name, IReadOnlyList<string> Channels, bool SecureMode);
