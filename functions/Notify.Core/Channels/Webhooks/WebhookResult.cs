namespace Notify.Core.Channels.Webhooks;

/// <summary>Outcome of one webhook attempt. Exactly one of the nested records.</summary>
public abstract record WebhookResult
{
    private WebhookResult()
    {
    }

    /// <summary>The receiver answered 2xx.</summary>
    public sealed record Delivered(int StatusCode) : WebhookResult;

    /// <summary>The receiver answered 410 Gone: the caller must disable the endpoint and stop retrying.</summary>
    public sealed record Disabled(string Reason) : WebhookResult;

    /// <summary>
    /// Any other answer or no answer: retry with backoff, no sooner than <see cref="RetryAfter"/> when the receiver
    /// gave one. <see cref="StatusCode"/> is null when no response arrived (timeout, connection error).
    /// </summary>
    public sealed record RetryLater(TimeSpan? RetryAfter, int? StatusCode, string Error) : WebhookResult;

    /// <summary>The call cannot be made at all (bad URL or secret, private-network destination); retrying the same request cannot help.</summary>
    public sealed record Failed(string Error) : WebhookResult;
}
