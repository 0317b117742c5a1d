using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Notify.Core.Auth;
using Notify.Core.Channels;
using Notify.Core.Devices;
using Notify.Core.Inbox;
using static Notify.Core.Faces.V3.V3Results;

namespace Notify.Core.Faces.V3;

/// <summary>Front-end SDK start-up: registers the device and tells the SDK what it needs to render the inbox.</summary>
public sealed class V3SdkEndpoints(V3Authenticator auth, DeviceStore devices, InboxStore inbox, IOptions<NotifyOptions> options)
{
    private const int MaxUserAgent = 1_000;

    public async Task<IResult> ConnectAsync(HttpRequest request, CancellationToken ct)
    {
        var caller = await auth.UserAsync(request, ct);
        if (caller.Failure is not null) return caller.Failure;
        var (body, failure) = await V3Body.ReadAsync(request, options.Value.MaxRequestBodyBytes, ct);
        if (failure is not null) return failure;
        var v = new Validation();
        var deviceId = request.Headers[V3Headers.DeviceId].FirstOrDefault();
        if (string.IsNullOrEmpty(deviceId)) v.Add($"{V3Headers.DeviceId} header should not be empty");
        else if (deviceId.Length > V3Limits.Identifier) v.Add($"{V3Headers.DeviceId} header must be shorter than or equal to {V3Limits.Identifier} characters");
        var deviceType = v.String(body as JsonObject, "deviceType", 20, required: true);
        var version = v.String(body as JsonObject, "version", 50);
        if (!string.IsNullOrEmpty(deviceType) && !DeviceTypes.All.Contains(deviceType))
            v.Add($"deviceType must be one of the following values: {string.Join(", ", DeviceTypes.All)}");
        if (!v.IsValid) return Invalid(v.Errors);
        var (app, userId) = caller.Caller!;
        var userAgent = request.Headers.UserAgent.FirstOrDefault() is { } agent ? agent[..Math.Min(agent.Length, MaxUserAgent)] : null;
        await devices.RegisterAsync(app.Id, userId, deviceId!, deviceType!, userAgent, ClientAddress(request), version, ct);
        return Results.Ok(new
        {
            unreadCount = await inbox.GetUnreadCountAsync(app.Id, userId, ct),
            app = new { id = app.Id, name = app.Name, channels = DeliveryChannels.Default, secureMode = app.SecureModeRequired },
        });
    }

    /// <summary>Behind the Functions front end the client's address arrives in X-Forwarded-For.</summary>
    private static string? ClientAddress(HttpRequest request) =>
        request.Headers["X-Forwarded-For"].FirstOrDefault()?.Split(',')[0].Trim() is { Length: > 0 and <= 64 } forwarded
            ? forwarded
            : request.HttpContext.Connection.RemoteIpAddress?.ToString();
}
