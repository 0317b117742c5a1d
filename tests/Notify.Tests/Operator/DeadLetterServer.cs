using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Notify.Core.Apps;
using Notify.Tests.Channels.Webhooks;
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

    /// <summary>Points the app's webhook at <paramref name="outcome"/> of the receiver, signed with the receiver's secret.</summary>
    internal async Task PointWebhookAsync(TestApp app, WebhookReceiver receiver, string outcome)
    {
        var configured = await Http.CallAsync(TestApi.Operator(HttpMethod.Patch, $"operator/apps/{app.Id}", new { webhookUrl = receiver.Url(outcome).ToString() }), HttpStatusCode.OK);
        Assert.Equal(receiver.Url(outcome).ToString(), (string)configured["webhookUrl"]!);
        var apps = Services.GetRequiredService<AppStore>();
        var stored = (await apps.GetAsync(app.Id, CancellationToken.None))!;
        stored.WebhookSecret = receiver.Secret;
        await apps.UpdateAsync(stored, CancellationToken.None);
    }

    public Task<JsonNode> ListAsync(string queue, string query = "") =>
        Http.CallAsync(TestApi.Operator(HttpMethod.Get, $"operator/dead-letters/{queue}{query}"), HttpStatusCode.OK);

    public async Task<int> CountAsync(string queue)
    {
        var all = await Http.CallAsync(TestApi.Operator(HttpMethod.Get, "operator/dead-letters"), HttpStatusCode.OK);
        return (int)all["queues"]!.AsArray().Single(q => (string)q!["name"]! == queue)!["approximateCount"]!;
    }
}
