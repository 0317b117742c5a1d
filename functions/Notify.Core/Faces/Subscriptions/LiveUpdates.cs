using System.Text;
using System.Text.Json;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Notify.Core.Feeds;

namespace Notify.Core.Faces.Subscriptions;

/// <summary>
/// Server-sent events for one subscription. The stream watches the subscription row (one point read every
/// <see cref="FeedOptions.LiveCheckSeconds"/>), not an in-process signal, so it sees sends served by any instance.
/// It ends after <see cref="FeedOptions.LiveStreamSeconds"/>; the browser's EventSource reconnects by itself.
/// Events: <c>changed</c> (a notification was pushed, or mute changed) and <c>gone</c> (unsubscribed).
/// </summary>
public sealed class LiveUpdates(SubscriptionStore subscriptions, IOptions<FeedOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public LiveStream Stream(SubscriptionRow subscription) => new(subscription, RunAsync);

    private async Task RunAsync(SubscriptionRow subscription, HttpContext context)
    {
        var response = context.Response;
        var ct = context.RequestAborted;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        var check = TimeSpan.FromSeconds(options.Value.LiveCheckSeconds);
        var ends = clock.GetUtcNow().AddSeconds(options.Value.LiveStreamSeconds);
        var seen = (subscription.PushedAt, subscription.Mute);
        var quietSince = clock.GetUtcNow();
        try
        {
            await WriteAsync(response, "retry: 3000\nevent: ready\ndata: {}\n\n", ct);
            while (clock.GetUtcNow() < ends)
            {
                await Task.Delay(check, clock, ct);
                var current = await subscriptions.GetAsync(subscription.FeedId, subscription.Iuid, ct);
                if (current is null || current.Id != subscription.Id)
                {
                    await WriteAsync(response, "event: gone\ndata: {}\n\n", ct);
                    return;
                }
                if ((current.PushedAt, current.Mute) != seen)
                {
                    seen = (current.PushedAt, current.Mute);
                    var data = JsonSerializer.Serialize(new LiveChange(current.PushedAt, current.Mute), Json);
                    await WriteAsync(response, $"event: changed\ndata: {data}\n\n", ct);
                    quietSince = clock.GetUtcNow();
                }
                else if (clock.GetUtcNow() - quietSince >= KeepAlive)
                {
                    await WriteAsync(response, ": keep-alive\n\n", ct);
                    quietSince = clock.GetUtcNow();
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The page closed or navigated away.
        }
    }

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken ct)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), ct);
        await response.Body.FlushAsync(ct);
    }

}

/// <summary>The data of a <c>changed</c> event.</summary>
public sealed record LiveChange(DateTimeOffset? PushedAt, bool Mute);

/// <summary>One subscription's event stream, as an answer: <c>text/event-stream</c> for as long as it runs.</summary>
public sealed class LiveStream(SubscriptionRow subscription, Func<SubscriptionRow, HttpContext, Task> run) : IResult, IEndpointMetadataProvider
{
    public Task ExecuteAsync(HttpContext httpContext) => run(subscription, httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), ["text/event-stream"]));
}
