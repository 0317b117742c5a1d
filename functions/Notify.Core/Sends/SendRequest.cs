namespace Notify.Core.Sends;

/// <summary>A validated send, independent of the API face it came through.</summary>
public sealed record SendRequest(
    string? Title,
    string? Message,
    string? Icon,
    string? Url,
    string? DataJson,
    string? Category,
    string? TemplateDataJson,
    IReadOnlyList<Recipient> Recipients);
