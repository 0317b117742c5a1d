using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Notify.Core.Audience;
using Notify.Core.Topics;
using Notify.Core.Faces.V3;

namespace Notify.Benchmarks;

/// <summary>
/// Sends to topics: members are seeded straight into storage (not timed, not counted), joined to the app-wide
/// audience first and their rows marked so, as the topic API adds them (without the subscription rows in the users'
/// partitions, which fan-out never reads); then each send is timed and counted from the request until the
/// pipeline's queues are drained.
/// </summary>
public static class TopicFanOut
{
    /// <summary>A topic named <paramref name="identifier"/> whose <paramref name="members"/> are users named after it.</summary>
    public static async Task SeedAsync(BenchmarkHost host, string identifier, int members)
    {
        var topicId = await CreateTopicAsync(host, identifier);
        var users = FanOut.Users(identifier, members);
        await host.Services.GetRequiredService<AppAudience>().JoinAllAsync(host.AppId, users, CancellationToken.None);
        await host.Services.GetRequiredService<TopicMemberStore>().SeedMembersAsync(
            host.AppId, topicId, users, channels: null, inAudience: true, parallelism: 16, CancellationToken.None);
    }

    /// <summary>The send to a topic <see cref="SeedAsync"/> filled.</summary>
    public static async Task<FanOutFigures> MeasureAsync(BenchmarkHost host, string identifier, int members)
    {
        host.Counter.Take();
        var watch = Stopwatch.StartNew();
        using var response = await host.Http.SendAsync(host.Send(new
        {
            notification = new { title = "Topic benchmark" },
            sendTo = new { topics = new[] { identifier } },
        }));
        response.EnsureSuccessStatusCode();
        await FanOut.Drained(host.Storage);
        return new FanOutFigures(watch.Elapsed, host.Counter.Take(), members);
    }

    private static async Task<int> CreateTopicAsync(BenchmarkHost host, string identifier)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "v3/topics") { Content = JsonContent.Create(new { name = identifier, identifier }) };
        request.Headers.Add(V3Headers.ApiKey, host.ApiKey);
        request.Headers.Add(V3Headers.ApiSecret, host.ApiSecret);
        using var response = await host.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<int>();
    }
}
