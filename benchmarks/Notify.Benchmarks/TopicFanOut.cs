using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Notify.Core.Topics;
using Notify.Core.Faces.V3;

namespace Notify.Benchmarks;

/// <summary>
/// One send to a topic: members are seeded straight into storage (not timed, not counted), then the send
/// is timed and counted from the request until the pipeline's queues are drained.
/// </summary>
public static class TopicFanOut
{
    public static async Task SeedAsync(BenchmarkHost host, int members)
    {
        var topicId = await CreateTopicAsync(host);
        await host.Services.GetRequiredService<TopicMemberStore>().SeedMembersAsync(
            host.AppId, topicId, Enumerable.Range(0, members).Select(i => $"member-{i}"), channels: null, parallelism: 16, CancellationToken.None);
    }

    /// <summary>The send to the topic <see cref="SeedAsync"/> filled.</summary>
    public static async Task<FanOutFigures> MeasureAsync(BenchmarkHost host, int members)
    {
        host.Counter.Take();
        var watch = Stopwatch.StartNew();
        using var response = await host.Http.SendAsync(host.Send(new
        {
            notification = new { title = "Topic benchmark" },
            sendTo = new { topics = new[] { "benchmark-topic" } },
        }));
        response.EnsureSuccessStatusCode();
        await FanOut.Drained(host.Storage);
        return new FanOutFigures(members / watch.Elapsed.TotalSeconds, host.Counter.Take(), members);
    }

    private static async Task<int> CreateTopicAsync(BenchmarkHost host)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "v3/topics") { Content = JsonContent.Create(new { name = "Benchmark", identifier = "benchmark-topic" }) };
        request.Headers.Add(V3Headers.ApiKey, host.ApiKey);
        request.Headers.Add(V3Headers.ApiSecret, host.ApiSecret);
        using var response = await host.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<int>();
    }
}
