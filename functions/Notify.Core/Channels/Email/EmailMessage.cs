namespace Notify.Core.Channels.Email;

/// <summary>A mailbox: address plus optional display name.</summary>
public sealed record EmailAddress(string Address, string? DisplayName = null);

/// <summary>
/// One email to one recipient. <see cref="DeliveryId"/> is stable across retries of the same delivery;
/// senders derive provider idempotency keys (ACS Operation-Id, SMTP Message-Id) from it.
/// At least one of <see cref="Html"/> and <see cref="PlainText"/> must be set.
/// </summary>
public sealed record EmailMessage(
    string DeliveryId,
    EmailAddress From,
    EmailAddress To,
    string Subject,
    string? Html,
    string? PlainText)
{
    public IReadOnlyList<EmailAddress> ReplyTo { get; init; } = [];
    public IReadOnlyList<EmailAddress> Cc { get; init; } = [];
    public IReadOnlyList<EmailAddress> Bcc { get; init; } = [];

    /// <summary>Why no provider could accept this message, or null when it is well-formed.</summary>
    internal string? Problem() => Html is null && PlainText is null ? "An email needs an HTML or a plain-text body." : null;
}
