using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Notify.Core.Faces.Kit;

/// <summary>
/// A server-sent events response, shared by the faces that stream (the subscriber page's updates, the v3 inbox
/// stream): the headers that keep proxies from buffering, and events, comments and the reconnect delay, each
/// flushed at once, and a keep-alive comment once it has been quiet for <see cref="KeepAlive"/>. Both hosts write it
/// to the same <see cref="HttpResponse"/>.
/// </summary>
public sealed class EventStream(HttpResponse response, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Proxies close a connection idle for a minute or more; a comment well within that keeps it open.</summary>
    public static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    private DateTimeOffset lastWrite = clock.GetUtcNow();

    /// <summary>
    /// How long until <see cref="KeepAliveIfQuietAsync"/> would write, if nothing is sent before: in whole milliseconds,
    /// rounded up, as timers keep them, so a wait for it never ends just short; never more than <see cref="KeepAlive"/>,
    /// so a wall clock set back cannot hold the comment past a proxy's idle limit.
    /// </summary>
    public TimeSpan UntilKeepAlive =>
        TimeSpan.FromMilliseconds(Math.Ceiling(Math.Clamp((lastWrite + KeepAlive - clock.GetUtcNow()).TotalMilliseconds, 0, KeepAlive.TotalMilliseconds)));

    /// <summary>Sends the headers and the delay the browser waits before it reconnects by itself.</summary>
    public async Task<EventStream> StartAsync(TimeSpan retry, CancellationToken ct)
    {
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        await WriteAsync($"retry: {(int)retry.TotalMilliseconds}\n\n", ct);
        return this;
    }

    /// <summary>One event; <paramref name="data"/> is sent as JSON (one line), <paramref name="id"/> becomes the browser's Last-Event-ID.</summary>
    public Task SendAsync(string name, object data, string? id, CancellationToken ct) =>
        WriteAsync($"{(id is null ? "" : $"id: {id}\n")}event: {name}\ndata: {JsonSerializer.Serialize(data, Json)}\n\n", ct);

    /// <summary>A comment line, when nothing was written for <see cref="KeepAlive"/>.</summary>
    public Task KeepAliveIfQuietAsync(CancellationToken ct) =>
        UntilKeepAlive == TimeSpan.Zero ? WriteAsync(": keep-alive\n\n", ct) : Task.CompletedTask;

    private async Task WriteAsync(string text, CancellationToken ct)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), ct);
        await response.Body.FlushAsync(ct);
        lastWrite = clock.GetUtcNow();
    }
}

/// <summary>
/// An <see cref="IResult"/> whose execution is a stream written by <paramref name="Run"/> until it returns or the
/// caller leaves; it describes itself to the OpenAPI documents as a <c>text/event-stream</c> answer.
/// </summary>
public sealed record EventStreamResult(Func<HttpContext, Task> Run) : IResult, IContentTypeHttpResult, IEndpointMetadataProvider
{
    public string ContentType => "text/event-stream";

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), ["text/event-stream"]));

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        try
        {
            await Run(httpContext);
        }
        catch (OperationCanceledException) when (httpContext.RequestAborted.IsCancellationRequested)
        {
            // The page closed or navigated away.
        }
    }
}
