namespace Notify.Core.Channels.Email;

/// <summary>Outcome of one send attempt. Exactly one of the nested records.</summary>
public abstract record EmailSendResult
{
    private EmailSendResult()
    {
    }

    /// <summary>The provider accepted the message.</summary>
    public sealed record Sent(string ProviderMessageId) : EmailSendResult;

    /// <summary>A transient failure (throttling, 5xx, timeout, connection): try again later with the same message.</summary>
    public sealed record RetryLater(TimeSpan? RetryAfter, string Error) : EmailSendResult;

    /// <summary>A permanent failure: retrying the same message cannot succeed.</summary>
    public sealed record Failed(string Error) : EmailSendResult;
}
