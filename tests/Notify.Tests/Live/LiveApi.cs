using System.Net;
using System.Text.Json.Nodes;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Live;

/// <summary>The live inbox's calls as a front end makes them.</summary>
public static class LiveApi
{
    public static async Task<string> TicketAsync(this NotifyServer server, TestApp app, string userId)
    {
        var issued = await server.Http.CallAsync(app.AsUser(userId, HttpMethod.Post, "v3/notifications/stream-tickets"), HttpStatusCode.Created);
        return issued["ticket"]!.GetValue<string>();
    }

    public static string StreamPath(TestApp app, string userId, string ticket, string? lastEventId = null) =>
        $"v3/notifications/stream?apiKey={app.ApiKey}&userId={Uri.EscapeDataString(userId)}&ticket={ticket}"
        + (lastEventId is null ? "" : $"&lastEventId={Uri.EscapeDataString(lastEventId)}");

    public static async Task<EventStreamReader> StreamAsync(this NotifyServer server, TestApp app, string userId, string? lastEventId = null)
    {
        var request = app.AsUser(userId, HttpMethod.Get, "v3/notifications/stream");
        if (lastEventId is not null) request.Headers.Add("Last-Event-ID", lastEventId);
        var stream = await EventStreamReader.OpenAsync(server.Http, request);
        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        return stream;
    }

    public static Task<string> SendToAsync(this NotifyServer server, TestApp app, string userId, string title) =>
        server.SendNotificationAsync(app, new { notification = new { title }, sendTo = new { recipients = new[] { userId } } });

    public static int Unread(this ServerEvent e) => e.Data!["unreadCount"]!.GetValue<int>();

    public static int Total(this ServerEvent e) => e.Data!["totalCount"]!.GetValue<int>();

    public static JsonNode Item(this ServerEvent e) => e.Data!["notification"]!;
}
