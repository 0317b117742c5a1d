using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Notify.Core.Faces.Status;

/// <summary>
/// <c>POST /v1/notifications</c>, as the API description shows it (the parser reads the JSON itself, to answer every problem
/// in the status dialect). <c>type</c> is NOTICE, CONFIRM, RADIO or CHECKBOX; receivers or groups, or broadcast.
/// </summary>
public sealed record StatusCreateRequest
{
    [JsonPropertyName("type"), MaxLength(10)] public required string Type { get; init; }
    [JsonPropertyName("title"), MaxLength(50)] public required string Title { get; init; }
    [JsonPropertyName("content"), MaxLength(250)] public required string Content { get; init; }
    [JsonPropertyName("name"), MaxLength(100)] public string? Name { get; init; }
    [JsonPropertyName("level"), Range(0, 100)] public int? Level { get; init; }
    [JsonPropertyName("receivers")] public IReadOnlyList<string>? Receivers { get; init; }
    [JsonPropertyName("broadcast")] public bool? Broadcast { get; init; }
    [JsonPropertyName("groups")] public IReadOnlyList<int>? Groups { get; init; }
    [JsonPropertyName("submit_text"), MaxLength(15)] public string? SubmitText { get; init; }
    [JsonPropertyName("close_text"), MaxLength(15)] public string? CloseText { get; init; }
    /// <summary>Unix seconds, <c>"now"</c>, or an ISO 8601 time.</summary>
    [JsonPropertyName("send_at")] public JsonNode? SendAt { get; init; }
    [JsonPropertyName("radio")] public IReadOnlyList<StatusOptionRequest>? Radio { get; init; }
    [JsonPropertyName("checkbox")] public IReadOnlyList<StatusOptionRequest>? Checkbox { get; init; }
}

public sealed record StatusOptionRequest
{
    [JsonPropertyName("text"), MaxLength(50)] public required string Text { get; init; }
    [JsonPropertyName("selected")] public bool? Selected { get; init; }
}
