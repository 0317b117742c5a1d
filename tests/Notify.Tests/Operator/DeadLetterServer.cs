using System.Net;
using System.Text.Json.Nodes;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Operator;

/// <summary>The self-host with loopback webhooks allowed and three quick delivery attempts, so a failing endpoint fails for good in a second.</summary>
public sealed class DeadLetterServer : NotifyServer
{
    protected override IEnumerable<string> Settings =>
    [
        "--Notify:Webhooks:AllowPrivateNetworks=true",
        "--Notify:Retries:InitialDelaySeconds=0.05",
        "--Notify:Retries:MaxDelaySeconds=0.1",
        "--Notify:Retries:MaxAttempts=3",
    ];

    public Task<JsonNode> ListAsync(string queue, string query = "") =>
        Http.CallAsync(TestApi.Operator(HttpMethod.Get, $"operator/dead-letters/{queue}{query}"), HttpStatusCode.OK);

    public async Task<int> CountAsync(string queue)
    {
        var all = await Http.CallAsync(TestApi.Operator(HttpMethod.Get, "operator/dead-letters"), HttpStatusCode.OK);
        return (int)all["queues"]!.AsArray().Single(q => (string)q!["name"]! == queue)!["approximateCount"]!;
    }
}
