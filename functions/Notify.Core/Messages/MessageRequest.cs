using System.Text.Json.Nodes;

namespace Notify.Core.Messages;

/// <summary>
/// One message of a batch, validated by its face: a notification for one user. <see cref="Profile"/> holds profile
/// fields (email, phoneNumber, locale …) that fill only what the user's profile lacks.
/// </summary>
public sealed record MessageRequest(
    string? Id,
    string NotificationId,
    string UserId,
    JsonObject? Data,
    string? IncrementId,
    JsonObject Profile,
    JsonObject? InAppOverride,
    JsonObject? EmailOverride);

/// <summary>
/// What became of one message. <see cref="Ok"/> is false only for an error on this side (<see cref="Error"/>, in
/// the <c>area/reason</c> style); a provider's failure leaves it true and fills <see cref="EmailError"/> or
/// <see cref="SmsError"/>. <see cref="Channels"/> gives each channel's delivery status (sent, queued, skipped, failed,
/// muted).
/// </summary>
public sealed record MessageResult(string Id, string NotificationId, string UserId, bool Ok, string? Error = null)
{
    public string? EmailError { get; init; }
    public string? SmsError { get; init; }
    public IReadOnlyDictionary<string, string> Channels { get; init; } = new Dictionary<string, string>();
    /// <summary>The inbox item that holds the message, and how many stacked messages it holds.</summary>
    public long? ItemId { get; init; }
    public int? Increment { get; init; }
}

public static class MessageErrors
{
    public const string IdExists = "id/exists";
    public const string NotificationNotFound = "notification/notFound";
    public const string InAppTemplate = "template/inAppNotRendered";
    public const string Failed = "message/failed";
    public const string UserBeingDeleted = "userId/beingDeleted";
}

/// <summary><c>Notify:Messages</c>: how the batch API runs a request's messages.</summary>
public sealed class MessageOptions
{
    public const string Section = "Notify:Messages";

    /// <summary>How long a request waits for email and SMS providers before leaving the rest to the queues.</summary>
    public double ChannelWaitSeconds { get; set; } = 5;

    /// <summary>Messages of one request handled at once.</summary>
    public int Parallelism { get; set; } = 16;
}
