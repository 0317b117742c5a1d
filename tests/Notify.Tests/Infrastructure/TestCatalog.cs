using System.Net;
using System.Text.Json.Nodes;
using Notify.Core.Storage;

namespace Notify.Tests.Infrastructure;

/// <summary>Builders for categories, topics and preferences, and waits on the asynchronous pipeline.</summary>
public static class TestCatalog
{
    public static async Task<int> CreateCategoryAsync(this NotifyServer server, TestApp app, string identifier, string? name = null)
    {
        var created = await server.Http.CallAsync(
            app.Backend(HttpMethod.Post, "v3/categories", new { identifier, name = name ?? identifier }), HttpStatusCode.Created);
        return created["id"]!.GetValue<int>();
    }

    public static async Task<int> CreateTopicAsync(this NotifyServer server, TestApp app, string identifier, params object[] users)
    {
        var created = await server.Http.CallAsync(
            app.Backend(HttpMethod.Post, "v3/topics", new { identifier, name = identifier }), HttpStatusCode.Created);
        var id = created["id"]!.GetValue<int>();
        if (users.Length > 0)
            await server.Http.CallAsync(app.Backend(HttpMethod.Post, $"v3/topics/{id}/users", new { users }), HttpStatusCode.OK);
        return id;
    }

    public static Task<JsonNode> SetPreferenceAsync(this NotifyServer server, TestApp app, string userId, int categoryId, string channel, bool enabled) =>
        server.Http.CallAsync(app.AsUser(userId, HttpMethod.Patch, "v3/preferences",
            new { preference = new[] { new { categoryId, channels = new[] { new { channel, enabled } } } } }), HttpStatusCode.OK);

    public static async Task<int> InboxCountAsync(this NotifyServer server, TestApp app, string userId)
    {
        var inbox = await server.Http.CallAsync(app.AsUser(userId, HttpMethod.Get, "v3/notifications"), HttpStatusCode.OK);
        return inbox["pagination"]!["totalCount"]!.GetValue<int>();
    }

    /// <summary>Polls until the condition holds, failing after the timeout.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits for the pipeline to go quiet: every queue of this server empty (visible or hidden).</summary>
    public static Task QueuesDrainedAsync(this NotifyServer server, TimeSpan? timeout = null) =>
        EventuallyAsync(async () =>
        {
            foreach (var queue in QueueNames.All)
                if ((await server.Storage.Queue(queue).GetPropertiesAsync()).Value.ApproximateMessagesCount > 0) return false;
            return true;
        }, "queues to drain", timeout);
}
