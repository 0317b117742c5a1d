using Azure.Core;
using Azure.Core.Pipeline;

namespace Notify.Benchmarks;

/// <summary>
/// Counts the storage requests the service makes, as they leave the Azure SDK: every table request, and every
/// queue request that is not a read (sends and deletes; the pollers' receives run whether or not there is work,
/// so they are left out).
/// </summary>
public sealed class StorageRequestCounter : HttpPipelinePolicy
{
    private long count;

    public long Take() => Interlocked.Exchange(ref count, 0);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ProcessNext(message, pipeline);
        Count(message.Request);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline);
        Count(message.Request);
    }

    private void Count(Request request)
    {
        var isQueue = request.Uri.Path.Contains("/messages", StringComparison.Ordinal) || request.Uri.Query.Contains("comp=", StringComparison.Ordinal);
        if (!isQueue || request.Method != RequestMethod.Get && request.Method != RequestMethod.Head) Interlocked.Increment(ref count);
    }
}
