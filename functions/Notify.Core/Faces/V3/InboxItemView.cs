using System.Text.Json.Nodes;
using Notify.Core.Inbox;

namespace Notify.Core.Faces.V3;

/// <summary>The v3 JSON shape of one inbox item.</summary>
public sealed record InboxItemView(
    long Id,
    string? Title,
    string? Message,
    string? Icon,
    string? Url,
    JsonNode? Data,
    string? Category,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SeenAt,
    DateTimeOffset? ClickedAt)
{
    public static InboxItemView From(InboxItemRow row) => new(
        row.Id, row.Title, row.Message, row.Icon, row.Url,
        row.DataJson is null ? null : JsonNode.Parse(row.DataJson),
        row.Category, row.CreatedAt, row.SeenAt, row.ClickedAt);
}
