using System.Net;
using System.Text.Json.Nodes;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Delivery;

public static class DeliveryApi
{
    /// <summary>Polls a send's delivery records until <paramref name="done"/> holds for them.</summary>
    public static async Task<JsonArray> WaitForDeliveriesAsync(this NotifyServer server, TestApp app, string sendId, Func<JsonArray, bool> done, string what)
    {
        JsonArray rows = [];
        await TestCatalog.EventuallyAsync(async () =>
        {
            var answer = await server.Http.CallAsync(app.Backend(HttpMethod.Get, $"v3/requests/{sendId}/deliveries"), HttpStatusCode.OK);
            rows = answer["deliveries"]!.AsArray();
            return done(rows);
        }, what);
        return rows;
    }

    public static JsonNode Of(this JsonArray rows, string recipient, string channel) =>
        rows.Single(r => (string)r!["recipient"]! == recipient && (string)r["channel"]! == channel)!;

    public static string Status(this JsonNode row) => (string)row["status"]!;
}
