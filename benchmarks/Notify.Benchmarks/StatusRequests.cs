using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Notify.Benchmarks;

public sealed record StatusFigures(int Receivers, double BroadcastPerSecond, double FirstPageMs, double LastPageMs);

/// <summary>
/// A broadcast through the status API to every user of the app (the app-wide audience: the users of the send before it),
/// timed until the queues are drained; then the time to read the request's first and last page of receivers
/// (100 a page), which counts every receiver for <c>total_count</c> and reads each listed one from their inbox.
/// </summary>
public static class StatusRequests
{
    public static async Task<StatusFigures> MeasureAsync(BenchmarkHost host)
    {
        var watch = Stopwatch.StartNew();
        var created = await CallAsync(host, HttpMethod.Post, "v1/notifications",
            new { type = "SURVEY", title = "Broadcast benchmark", content = "c", broadcast = true });
        await FanOut.Drained(host.Storage);
        var broadcastSeconds = watch.Elapsed.TotalSeconds;
        var id = created["result"]!["id"]!.GetValue<string>();

        watch.Restart();
        var first = await CallAsync(host, HttpMethod.Get, $"v1/notifications/{id}?page=1&limit=100");
        var firstMs = watch.Elapsed.TotalMilliseconds;
        var meta = first["result"]!["notifications"]!["meta"]!;
        var receivers = meta["total_count"]!.GetValue<int>();
        watch.Restart();
        await CallAsync(host, HttpMethod.Get, $"v1/notifications/{id}?page={meta["page_count"]!.GetValue<int>()}&limit=100");
        return new StatusFigures(receivers, receivers / broadcastSeconds, firstMs, watch.Elapsed.TotalMilliseconds);
    }

    private static async Task<JsonNode> CallAsync(BenchmarkHost host, HttpMethod method, string path, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.ApiSecret);
        using var response = await host.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
