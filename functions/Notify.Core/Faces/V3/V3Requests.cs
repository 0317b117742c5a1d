using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;

namespace Notify.Core.Faces.V3;

// The v3 request bodies, as the API descriptions show them. The parsers read the JSON themselves, so that every problem
// is answered in the v3 dialect with all its messages at once; these records say what they accept.

/// <summary><c>POST /v3/notifications</c>.</summary>
public sealed record V3SendRequest
{
    public required V3SendNotification Notification { get; init; }
    public V3SendTo? SendTo { get; init; }
    /// <summary>Template data, for the template's placeholders.</summary>
    public JsonObject? Data { get; init; }
    [MaxLength(V3Limits.Category)] public string? Category { get; init; }
    /// <summary>When to send: an ISO 8601 time.</summary>
    [MaxLength(64)] public string? SendAt { get; init; }
    public V3SendOverride? Override { get; init; }
}

public sealed record V3SendNotification
{
    /// <summary>Required unless a template is named.</summary>
    [MaxLength(V3Limits.Title)] public string? Title { get; init; }
    [MaxLength(V3Limits.Message)] public string? Message { get; init; }
    [MaxLength(V3Limits.Link)] public string? Icon { get; init; }
    [MaxLength(V3Limits.Link)] public string? Url { get; init; }
    [MaxLength(V3Limits.Category)] public string? Category { get; init; }
    public JsonObject? Data { get; init; }
    [MaxLength(V3Limits.Identifier)] public string? TemplateIdentifier { get; init; }
    public V3SendWorkflow? Workflow { get; init; }
}

public sealed record V3SendWorkflow
{
    [MaxLength(V3Limits.Identifier)] public required string Identifier { get; init; }
    [MaxLength(V3Limits.Identifier)] public string? CancellationKey { get; init; }
}

/// <summary>Who gets it: user identifiers (or objects with <c>identifier</c> and profile fields), and topics.</summary>
public sealed record V3SendTo
{
    public IReadOnlyList<JsonNode>? Recipients { get; init; }
    public IReadOnlyList<JsonNode>? Topics { get; init; }
}

public sealed record V3SendOverride
{
    /// <summary>The channels to use instead of the template's or the app's defaults.</summary>
    public IReadOnlyList<string>? Channels { get; init; }
    public JsonObject? Channel { get; init; }
}

/// <summary><c>POST /v3/users</c> and <c>PUT /v3/users/{identifier}</c> (where the path names the user).</summary>
public sealed record V3UserRequest
{
    [MaxLength(V3Limits.Identifier)] public string? Identifier { get; init; }
    /// <summary>Profile fields: email, phoneNumber, locale, timezone, firstName, … and the app's own.</summary>
    public JsonObject? Profile { get; init; }
}

/// <summary><c>POST /v3/templates</c> and <c>PUT /v3/templates/{identifier}</c>.</summary>
public sealed record V3TemplateRequest
{
    [MaxLength(V3Limits.Identifier)] public string? Identifier { get; init; }
    [MaxLength(200)] public string? Name { get; init; }
    [MaxLength(35)] public string? DefaultLocale { get; init; }
    /// <summary>Per locale (<c>"en"</c>): <c>inApp {title, message, url, icon}</c>, <c>email {subject, html, text}</c>, <c>sms {text}</c>.</summary>
    public required IReadOnlyDictionary<string, V3TemplateLocale> Locales { get; init; }
    public IReadOnlyList<string>? Channels { get; init; }
    public IReadOnlyList<string>? MutableChannels { get; init; }
    [Range(1, 30 * 24 * 3600)] public int? StackTimeoutSeconds { get; init; }
}

public sealed record V3TemplateLocale
{
    public JsonObject? InApp { get; init; }
    public JsonObject? Email { get; init; }
    public JsonObject? Sms { get; init; }
}

/// <summary><c>PUT</c>/<c>PATCH /v3/profile</c>: profile fields to set (PATCH: a JSON merge).</summary>
public sealed record V3ProfileRequest
{
    [MaxLength(320)] public string? Email { get; init; }
    [MaxLength(32)] public string? PhoneNumber { get; init; }
    [MaxLength(35)] public string? Locale { get; init; }
    [MaxLength(64)] public string? Timezone { get; init; }
    [MaxLength(200)] public string? FirstName { get; init; }
    [MaxLength(200)] public string? LastName { get; init; }
}

/// <summary><c>PATCH</c>/<c>PUT /v3/preferences</c>.</summary>
public sealed record V3PreferenceRequest
{
    public required IReadOnlyList<V3PreferenceRule> Preference { get; init; }
}

public sealed record V3PreferenceRule
{
    public required long CategoryId { get; init; }
    public required IReadOnlyList<V3ChannelRule> Channels { get; init; }
}

public sealed record V3ChannelRule
{
    [MaxLength(50)] public required string Channel { get; init; }
    public required bool Enabled { get; init; }
}

/// <summary><c>POST /v3/sdk/connect</c>: the device connecting.</summary>
public sealed record V3ConnectRequest
{
    [MaxLength(20)] public required string DeviceType { get; init; }
    [MaxLength(50)] public string? Version { get; init; }
}

/// <summary><c>POST /v3/categories</c>.</summary>
public sealed record V3CategoryRequest
{
    [MaxLength(V3Limits.Category)] public required string Identifier { get; init; }
    [MaxLength(200)] public required string Name { get; init; }
}

/// <summary><c>POST /v3/topics</c> (both fields) and <c>PATCH /v3/topics/{id}</c> (the name).</summary>
public sealed record V3TopicRequest
{
    [MaxLength(200)] public required string Name { get; init; }
    [MaxLength(V3Limits.Identifier)] public string? Identifier { get; init; }
}

/// <summary><c>POST /v3/topics/{id}/users</c> and <c>…/detachUsers</c>: identifiers, or <c>{identifier, channels}</c>.</summary>
public sealed record V3TopicUsersRequest
{
    public required IReadOnlyList<JsonNode> Users { get; init; }
}

/// <summary><c>PUT /v3/topics/{id}/users/{identifier}</c>.</summary>
public sealed record V3TopicChannelsRequest
{
    public IReadOnlyList<string>? Channels { get; init; }
}

/// <summary><c>POST /v3/notifications/{id}/responses</c>.</summary>
public sealed record V3AnswerRequest
{
    /// <summary><c>SUBMIT</c> or <c>CLOSE</c>.</summary>
    [MaxLength(10)] public required string Action { get; init; }
    public IReadOnlyList<string>? Options { get; init; }
}

/// <summary><c>PATCH /v4/workflows/{identifier}</c>.</summary>
public sealed record V3WorkflowCancelRequest
{
    [MaxLength(V3Limits.Identifier)] public required string CancellationKey { get; init; }
    public V3CancelFor? CancelFor { get; init; }
}

public sealed record V3CancelFor
{
    public IReadOnlyList<string>? Recipients { get; init; }
}

/// <summary><c>PATCH /v3/notifications/{id}/click</c>: mark read (true) or unread (false).</summary>
public sealed record V3ClickRequest
{
    public required bool Read { get; init; }
}
