using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Notify.Core.Faces.V3;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Status;

/// <summary>Calls the status API the way a seed-003 backend does, and the v3 inbox as the receiving user.</summary>
public static class StatusApi
{
    public static HttpRequestMessage Status(this TestApp app, HttpMethod method, string path, object? body = null)
    {
        var request = TestApi.Request(method, path, body);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", app.ApiSecret);
        return request;
    }

    public static async Task<JsonNode> CreateRequestAsync(this NotifyServer server, TestApp app, object body)
    {
        var answer = await server.Http.CallAsync(app.Status(HttpMethod.Post, "v1/notifications", body), HttpStatusCode.OK);
        Assert.Equal("api.application.notification.create", answer["type"]!.GetValue<string>());
        return answer["result"]!;
    }

    public static async Task<JsonNode> ReadRequestAsync(this NotifyServer server, TestApp app, string id, string query = "")
    {
        var answer = await server.Http.CallAsync(app.Status(HttpMethod.Get, $"v1/notifications/{id}{query}"), HttpStatusCode.OK);
        Assert.Equal("api.application.notification.read", answer["type"]!.GetValue<string>());
        return answer["result"]!;
    }

    /// <summary>Polls the request until <paramref name="done"/> holds (delivery and answers are asynchronous).</summary>
    public static async Task<JsonNode> WaitForRequestAsync(this NotifyServer server, TestApp app, string id, Func<JsonNode, bool> done, string query = "")
    {
        JsonNode request = new JsonObject();
        await TestCatalog.EventuallyAsync(async () => done(request = await server.ReadRequestAsync(app, id, query)), $"request {id}");
        return request;
    }

    public static Task<JsonNode> WaitUntilCompletedAsync(this NotifyServer server, TestApp app, string id, string query = "") =>
        server.WaitForRequestAsync(app, id, r => (string)r["status"]! == "COMPLETED", query);

    public static IEnumerable<JsonNode> Items(this JsonNode request) => request["notifications"]!["result"]!.AsArray().Select(i => i!);

    public static JsonNode ItemOf(this JsonNode request, string userId) => request.Items().Single(i => (string)i["user"]!["id"]! == userId);

    /// <summary>The user's inbox item of the request, by its title.</summary>
    public static async Task<JsonNode> InboxItemAsync(this NotifyServer server, TestApp app, string userId, string title, string? deviceId = null)
    {
        var request = app.AsUser(userId, HttpMethod.Get, "v3/notifications?limit=100");
        if (deviceId is not null) request.Headers.Add(V3Headers.DeviceId, deviceId);
        var inbox = await server.Http.CallAsync(request, HttpStatusCode.OK);
        return inbox["data"]!.AsArray().Single(i => (string)i!["title"]! == title)!;
    }

    public static Task<JsonNode> AnswerAsync(this NotifyServer server, TestApp app, string userId, long itemId, object body,
        HttpStatusCode expected = HttpStatusCode.Created) =>
        server.Http.CallAsync(app.AsUser(userId, HttpMethod.Post, $"v3/notifications/{itemId}/responses", body), expected);

    public static string[] Strings(this JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<string>()).ToArray();
}
