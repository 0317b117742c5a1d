using System.Text.Json;
using System.Text.Json.Serialization;

namespace Notify.Core.Channels.Email.Acs;

/// <summary>The body of <c>POST /emails:send</c> (ACS Email REST, api-version 2025-09-01).</summary>
internal sealed record AcsEmailRequest(
    string SenderAddress,
    AcsEmailContent Content,
    AcsEmailRecipients Recipients,
    IReadOnlyList<AcsEmailAddress> ReplyTo,
    bool UserEngagementTrackingDisabled)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    // ACS takes the sender's display name from the verified MailFrom address, not from the request,
    // so From.DisplayName is not sent.
    public static AcsEmailRequest From(EmailMessage message, bool engagementTracking) => new(
        message.From.Address,
        new AcsEmailContent(message.Subject, message.PlainText, message.Html),
        new AcsEmailRecipients([Map(message.To)], message.Cc.Select(Map).ToList(), message.Bcc.Select(Map).ToList()),
        message.ReplyTo.Select(Map).ToList(),
        !engagementTracking);

    private static AcsEmailAddress Map(EmailAddress address) => new(address.Address, address.DisplayName);
}

internal sealed record AcsEmailContent(string Subject, string? PlainText, string? Html);

internal sealed record AcsEmailRecipients(
    IReadOnlyList<AcsEmailAddress> To, IReadOnlyList<AcsEmailAddress> Cc, IReadOnlyList<AcsEmailAddress> Bcc);

internal sealed record AcsEmailAddress(string Address, string? DisplayName);

/// <summary>The 202 body: the operation id and its status (NotStarted, Running, Succeeded …).</summary>
internal sealed record AcsSendAccepted(string? Id, string? Status);

/// <summary>ACS error body: <c>{"error":{"code":…,"message":…}}</c>.</summary>
internal sealed record AcsErrorResponse(AcsError? Error);

internal sealed record AcsError(string? Code, string? Message);
