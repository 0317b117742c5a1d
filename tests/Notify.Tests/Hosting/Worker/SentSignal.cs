using System.Net;

namespace Notify.Tests.Hosting.Worker;

/// <summary>
/// A request body that says when the client starts writing it, which is once the connection is open and the headers
/// are on it: the point after which the worker's listener has the request. A request without a body gets an empty one.
/// </summary>
public sealed class SentSignal : HttpContent
{
    private readonly HttpContent? inner;
    private readonly TaskCompletionSource sent = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SentSignal(HttpContent? inner)
    {
        this.inner = inner;
        if (inner is null) return;
        foreach (var header in inner.Headers) Headers.TryAddWithoutValidation(header.Key, header.Value);
    }

    public Task Sent => sent.Task;

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        sent.TrySetResult();
        if (inner is not null) await inner.CopyToAsync(stream);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = inner?.Headers.ContentLength ?? 0;
        return inner is null || inner.Headers.ContentLength is not null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner?.Dispose();
        base.Dispose(disposing);
    }
}
