using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Notify.Core.Apps;
using Notify.Core.Channels.Webhooks;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Channels.Webhooks;

/// <summary>
/// A receiver on loopback Kestrel that verifies Standard Webhooks signatures like a customer would.
/// Paths pick the answer: /ok → 200, /gone → 410, /throttle → 429 (Retry-After: 30), /error → 500, /bad → 400,
/// /redirect → 302 to /ok.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private LoopbackServer? _server;

    public string Secret { get; } = StandardWebhookSigner.GenerateSecret();
    public ConcurrentQueue<Received> Calls { get; } = new();

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        receiver._server = await LoopbackServer.StartAsync(app => app.MapPost("/{outcome}", receiver.HandleAsync));
        return receiver;
    }

    public Uri Url(string outcome) => new(_server!.BaseAddress, outcome);

    public ValueTask DisposeAsync() => _server!.DisposeAsync();

    private async Task HandleAsync(HttpContext http, string outcome)
    {
        var body = await new StreamReader(http.Request.Body).ReadToEndAsync();
        var id = http.Request.Headers["webhook-id"].ToString();
        var timestamp = http.Request.Headers["webhook-timestamp"].ToString();
        var signature = http.Request.Headers["webhook-signature"].ToString();
        var valid = StandardWebhookSigner.Verify(Secret, id, timestamp, body, signature, DateTimeOffset.UtcNow);
        Calls.Enqueue(new Received(id, body, http.Request.ContentType, valid, outcome));
        if (outcome == "throttle")
        {
            http.Response.Headers.RetryAfter = "30";
        }

        if (outcome == "redirect")
        {
            http.Response.Headers.Location = "/ok";
        }

        http.Response.StatusCode = outcome switch
        {
            "ok" => 200,
            "gone" => 410,
            "throttle" => 429,
            "bad" => 400,
            "redirect" => 302,
            _ => 500,
        };
    }

    /// <param name="Outcome">The path called, which chose the answer (<c>ok</c> is the only one that took the call).</param>
    public sealed record Received(string WebhookId, string Body, string? ContentType, bool SignatureValid, string Outcome);
}

internal static class WebhookApps
{
    /// <summary>
    /// Points the app's webhook at <paramref name="outcome"/> of the receiver through the operator API, then stores the
    /// receiver's own secret on the app, as an operator would share it. Returns the operator API's answer to the change.
    /// </summary>
    public static async Task<JsonNode> PointWebhookAsync(this NotifyServer server, TestApp app, WebhookReceiver receiver, string outcome)
    {
        var configured = await server.Http.CallAsync(
            TestApi.Operator(HttpMethod.Patch, $"operator/apps/{app.Id}", new { webhookUrl = receiver.Url(outcome).ToString() }), HttpStatusCode.OK);
        Assert.Equal(receiver.Url(outcome).ToString(), (string)configured["webhookUrl"]!);
        var apps = server.Services.GetRequiredService<AppStore>();
        var stored = (await apps.GetAsync(app.Id, CancellationToken.None))!;
        stored.WebhookSecret = receiver.Secret;
        await apps.UpdateAsync(stored, CancellationToken.None);
        return configured;
    }
}
