using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Notify.Core.Channels.Webhooks;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Feeds;

/// <summary>
/// A feed's callback receiver on loopback Kestrel, checking what a customer would: the Basic credential and the
/// Standard Webhooks signature. <c>/ok</c> answers 200; <c>/flaky</c> answers 500 to the first call of each event, then 200.
/// </summary>
internal sealed class CallbackReceiver : IAsyncDisposable
{
    private LoopbackServer? server;
    private readonly ConcurrentDictionary<string, int> attempts = new();

    public ConcurrentQueue<Call> Calls { get; } = new();

    public static async Task<CallbackReceiver> StartAsync()
    {
        var receiver = new CallbackReceiver();
        receiver.server = await LoopbackServer.StartAsync(app => app.MapPost("/{outcome}", receiver.HandleAsync));
        return receiver;
    }

    public Uri Url(string outcome) => new(server!.BaseAddress, outcome);

    public ValueTask DisposeAsync() => server!.DisposeAsync();

    /// <summary>Whether the call carries a valid signature for <paramref name="secret"/>.</summary>
    public static bool IsSigned(Call call, string secret) =>
        StandardWebhookSigner.Verify(secret, call.WebhookId, call.Timestamp, call.Body, call.Signature, DateTimeOffset.UtcNow);

    private async Task<IResult> HandleAsync(HttpContext http, string outcome)
    {
        var body = await new StreamReader(http.Request.Body).ReadToEndAsync();
        var headers = http.Request.Headers;
        var call = new Call(headers.Authorization.ToString(), headers["webhook-id"].ToString(), headers["webhook-timestamp"].ToString(),
            headers["webhook-signature"].ToString(), body);
        Calls.Enqueue(call);
        var attempt = attempts.AddOrUpdate(call.WebhookId, 1, (_, n) => n + 1);
        return outcome == "flaky" && attempt == 1 ? Results.StatusCode(500) : Results.Ok();
    }

    public sealed record Call(string Authorization, string WebhookId, string Timestamp, string Signature, string Body);
}
