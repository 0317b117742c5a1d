namespace Notify.Core.Channels;

internal static class HttpRetryAfter
{
    /// <summary>The wait a response asks for (<c>Retry-After</c> as seconds or as an HTTP date), or null.</summary>
    public static TimeSpan? Read(HttpResponseMessage response, TimeProvider time)
    {
        var header = response.Headers.RetryAfter;
        var delay = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        return delay is { } value ? (value < TimeSpan.Zero ? TimeSpan.Zero : value) : null;
    }
}
