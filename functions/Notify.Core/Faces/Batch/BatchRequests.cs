using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;

namespace Notify.Core.Faces.Batch;

// The batch request bodies, as the API descriptions show them. The endpoints read the JSON themselves: a message or
// user that is wrong fails alone, with an error code in its result, and the others go on.

/// <summary><c>POST /messages.send</c>: 1 to 50 messages.</summary>
public sealed record BatchSendRequest
{
    [MinLength(1), MaxLength(BatchEndpoints.MaxMessages)] public required IReadOnlyList<BatchMessageRequest> Messages { get; init; }
}

/// <summary>
/// A message: the notification (template) and the user; optional <c>id</c> (for idempotency), <c>incrementId</c> (stacking),
/// <c>data</c>, user profile fields (<c>userEmail</c>, <c>userTelephone</c>, …) and per-channel overrides.
/// </summary>
public sealed record BatchMessageRequest
{
    [MaxLength(BatchMessageParser.MaxId)] public required string NotificationId { get; init; }
    [MaxLength(BatchMessageParser.MaxId)] public required string UserId { get; init; }
    [MaxLength(BatchMessageParser.MaxId)] public string? Id { get; init; }
    [MaxLength(BatchMessageParser.MaxId)] public string? IncrementId { get; init; }
    public JsonObject? Data { get; init; }
    public JsonObject? WidgetSettingsOverride { get; init; }
    public JsonObject? EmailSettingsOverride { get; init; }
}

/// <summary><c>POST /users.upsert</c>: 1 to 100 users, each an <c>id</c> with profile fields and the app's own.</summary>
public sealed record BatchUpsertRequest
{
    [MinLength(1), MaxLength(BatchEndpoints.MaxUsers)] public required IReadOnlyList<JsonObject> Users { get; init; }
}

/// <summary>What every widget POST names (a GET names the same in its query).</summary>
public record FrontRequest
{
    public required string ProjectId { get; init; }
    public required string UserId { get; init; }
    public required string UserHmac { get; init; }
}

/// <summary><c>POST /front/messages.read</c>.</summary>
public sealed record FrontReadRequest : FrontRequest
{
    public required string MessageId { get; init; }
}

/// <summary><c>POST /front/users.setProfile</c>: profile fields and <c>preferences</c> (per notification, its channel mutes).</summary>
public sealed record FrontProfileRequest : FrontRequest
{
    public required JsonObject User { get; init; }
}
