using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Notify.Core.Faces.Operator;
using Notify.Core.Faces.V3;

namespace Notify.Tests.Infrastructure;

public sealed record TestApp(string Id, string ApiKey, string ApiSecret);

/// <summary>Builds requests the way the vendor's clients send them, and reads answers as JSON.</summary>
public static class TestApi
{
    public static async Task<TestApp> CreateAppAsync(this NotifyServer server, string name = "test app")
    {
        var request = Operator(HttpMethod.Post, "operator/apps", new { name });
        var created = await server.Http.CallAsync(request, HttpStatusCode.Created);
        return new TestApp(created["id"]!.GetValue<string>(), created["apiKey"]!.GetValue<string>(), created["apiSecret"]!.GetValue<string>());
    }

    public static HttpRequestMessage Operator(HttpMethod method, string path, object? body = null, string key = NotifyServer.OperatorKey)
    {
        var request = Request(method, path, body);
        request.Headers.Add(OperatorCall.KeyHeader, key);
        return request;
    }

    public static HttpRequestMessage Backend(this TestApp app, HttpMethod method, string path, object? body = null)
    {
        var request = Request(method, path, body);
        request.Headers.Add(V3Headers.ApiKey, app.ApiKey);
        request.Headers.Add(V3Headers.ApiSecret, app.ApiSecret);
        return request;
    }

    public static HttpRequestMessage AsUser(this TestApp app, string userId, HttpMethod method, string path, object? body = null)
    {
        var request = Request(method, path, body);
        request.Headers.Add(V3Headers.ApiKey, app.ApiKey);
        request.Headers.Add(V3Headers.UserId, userId);
        return request;
    }

    public static HttpRequestMessage Request(HttpMethod method, string path, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is string raw) request.Content = new StringContent(raw, Encoding.UTF8, "application/json");
        else if (body is not null) request.Content = JsonContent.Create(body);
        return request;
    }

    /// <summary>Sends the request, asserts the status and returns the body as JSON (null when empty).</summary>
    public static async Task<JsonNode> CallAsync(this HttpClient http, HttpRequestMessage request, HttpStatusCode expected)
    {
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected} but got {(int)response.StatusCode}: {text}");
        return string.IsNullOrEmpty(text) ? new JsonObject() : JsonNode.Parse(text)!;
    }

    /// <summary>Sends the request and asserts both the status and the whole body (JSON compared as JSON).</summary>
    public static async Task<JsonNode> CallAsync(this HttpClient http, HttpRequestMessage request, HttpStatusCode expected, string expectedBody)
    {
        var body = await http.CallAsync(request, expected);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expectedBody), body), $"Expected body {expectedBody} but got {body.ToJsonString()}");
        return body;
    }

    public static async Task<string> SendNotificationAsync(this NotifyServer server, TestApp app, object body)
    {
        var answer = await server.Http.CallAsync(app.Backend(HttpMethod.Post, "v3/notifications", body), HttpStatusCode.Created);
        return answer["requestId"]!.GetValue<string>();
    }

    /// <summary>Polls the user's inbox until it holds <paramref name="count"/> items (the pipeline is asynchronous).</summary>
    public static async Task<JsonNode> WaitForInboxAsync(this NotifyServer server, TestApp app, string userId, int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var inbox = await server.Http.CallAsync(app.AsUser(userId, HttpMethod.Get, "v3/notifications?limit=100"), HttpStatusCode.OK);
            var total = inbox["pagination"]!["totalCount"]!.GetValue<int>();
            if (total >= count || DateTime.UtcNow > deadline)
            {
                Assert.Equal(count, total);
                return inbox;
            }
            await Task.Delay(100);
        }
    }
}
