using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Notify.Core.Faces.Batch;

// The batch API leaves a field out rather than write null, hence the ignore condition on every nullable member.

/// <summary>The answer to <c>POST /messages.send</c>: one result per message, in the order sent.</summary>
public sealed record BatchSendAnswer(IReadOnlyList<BatchMessageView> Messages);

/// <summary>A message's result: refused ones carry only the ids they named, <c>ok: false</c> and the error code.</summary>
public sealed record BatchMessageView(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Id,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NotificationId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? UserId,
    bool Ok,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? EmailError = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SmsError = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Channels = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Increment = null);

/// <summary>The answer to <c>POST /users.upsert</c>: one result per user, in the order sent.</summary>
public sealed record BatchUpsertAnswer(IReadOnlyList<BatchUserView> Users);

public sealed record BatchUserView(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Id,
    bool Ok,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error = null);

/// <summary>
/// The widget's user: <c>id</c>, the profile fields (the batch names first, then the app's own fields as stored) and
/// <c>preferences</c>, a map of notification id to its channel mutes. The app's own fields make it an open object.
/// </summary>
public sealed record FrontUserAnswer(JsonObject User, IReadOnlyList<FrontNotificationView> Notifications);

/// <summary>The answer to <c>users.setProfile</c>: the user as stored after the change.</summary>
public sealed record FrontProfileAnswer(JsonObject User);

/// <summary>A notification (template) the user can mute: where it is delivered and which of those the user may mute.</summary>
public sealed record FrontNotificationView(
    string Id, string Name, IReadOnlyDictionary<string, bool> Channels, IReadOnlyDictionary<string, bool> Mutable);

/// <summary>A page of the user's messages, with the inbox's total and unread counts.</summary>
public sealed record FrontMessagesAnswer(IReadOnlyList<FrontMessageView> Messages, int Total, int Unread);

/// <summary>A message: an inbox item, so <c>id</c> is the number the v3 inbox shows and <c>readAt</c> is when it was seen.</summary>
public sealed record FrontMessageView(
    string Id,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NotificationId,
    string UserId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonNode? Data,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Title,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Content,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Icon,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Url,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Increment,
    DateTimeOffset CreatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? ReadAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ReadFrom);

/// <summary>The widget's acknowledgement: <c>{"ok":true}</c>.</summary>
public sealed record FrontDone(bool Ok);
