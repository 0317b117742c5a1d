using System.Text.Json.Serialization;

namespace Notify.Core.Faces.Status;

// The status API's shapes (seed 003): snake_case names, string ids, ISO 8601 UTC times with milliseconds.

/// <summary>Every single-request answer: <c>{"type":"api.application.notification.&lt;action&gt;","result":…}</c>.</summary>
public sealed record StatusEnvelope<T>([property: JsonPropertyName("type")] string Type, [property: JsonPropertyName("result")] T Result);

/// <summary>A page of the app's requests.</summary>
public sealed record StatusRequestList(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("result")] IReadOnlyList<StatusRequestView> Result,
    [property: JsonPropertyName("meta")] StatusMeta Meta);

public sealed record StatusMeta(
    [property: JsonPropertyName("total_count")] int TotalCount,
    [property: JsonPropertyName("page_count")] int PageCount,
    [property: JsonPropertyName("current_count")] int CurrentCount,
    [property: JsonPropertyName("current_page")] int CurrentPage);

/// <summary>A request; <c>receivers</c> and <c>notifications</c> (one page of receivers' items) only where the seed shows them.</summary>
public sealed record StatusRequestView(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("content")] string? Content,
    [property: JsonPropertyName("level")] int Level,
    [property: JsonPropertyName("open_count")] int OpenCount,
    [property: JsonPropertyName("send_at")] string? SendAt,
    [property: JsonPropertyName("created_at")] string? CreatedAt,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("broadcast")] bool Broadcast,
    [property: JsonPropertyName("groups")] IReadOnlyList<int> Groups,
    [property: JsonPropertyName("actions")] IReadOnlyList<StatusActionView> Actions,
    [property: JsonPropertyName("receivers"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Receivers,
    [property: JsonPropertyName("notifications"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] StatusItemPage? Notifications);

/// <summary>An action a request offers; <c>selected</c> only for radio and checkbox options.</summary>
public sealed record StatusActionView(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("request_id")] string RequestId,
    [property: JsonPropertyName("selected"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Selected);

public sealed record StatusItemPage(
    [property: JsonPropertyName("meta")] StatusMeta Meta,
    [property: JsonPropertyName("result")] IReadOnlyList<StatusItemView> Result);

/// <summary>What one receiver did with a request's notification.</summary>
public sealed record StatusItemView(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("application_id")] string ApplicationId,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("content")] string? Content,
    [property: JsonPropertyName("opened")] bool Opened,
    [property: JsonPropertyName("responded")] bool Responded,
    [property: JsonPropertyName("deleted")] bool Deleted,
    [property: JsonPropertyName("in_device")] bool InDevice,
    [property: JsonPropertyName("level")] int Level,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("created_at")] string? CreatedAt,
    [property: JsonPropertyName("country")] StatusCountry? Country,
    [property: JsonPropertyName("opened_at")] string? OpenedAt,
    [property: JsonPropertyName("responded_at")] string? RespondedAt,
    [property: JsonPropertyName("actions")] IReadOnlyList<StatusChosenAction> Actions,
    [property: JsonPropertyName("device")] StatusDevice? Device,
    [property: JsonPropertyName("user")] StatusUser User);

public sealed record StatusCountry([property: JsonPropertyName("code")] string Code, [property: JsonPropertyName("name")] string? Name);

public sealed record StatusChosenAction(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("action_id")] string ActionId,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("text")] string Text);

public sealed record StatusDevice(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("ip")] string? Ip,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("version")] string? Version);

public sealed record StatusUser(
    [property: JsonPropertyName("account")] StatusAccount Account,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("email")] string? Email);

public sealed record StatusAccount(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("first_name")] string? FirstName,
    [property: JsonPropertyName("last_name")] string? LastName,
    [property: JsonPropertyName("image")] string? Image,
    [property: JsonPropertyName("is_active")] bool IsActive);

/// <summary>The answer to a delete.</summary>
public sealed record StatusDeleted([property: JsonPropertyName("id")] string Id, [property: JsonPropertyName("deleted")] bool Deleted);
