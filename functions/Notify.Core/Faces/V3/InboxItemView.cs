using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Notify.Core.Answers;
using Notify.Core.Inbox;

namespace Notify.Core.Faces.V3;

/// <summary>
/// The v3 JSON shape of one inbox item. Items that ask for an answer also carry, as a documented extension,
/// their <c>type</c> (lower-case), <c>level</c>, <c>actions</c> and, once answered, <c>respondedAt</c> and <c>response</c>.
/// </summary>
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
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Type { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Level { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<ItemAction>? Actions { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DateTimeOffset? RespondedAt { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<ItemAction>? Response { get; init; }

    public static InboxItemView From(InboxItemRow row)
    {
        var view = new InboxItemView(
            row.Id, row.Title, row.Message, row.Icon, row.Url,
            row.DataJson is null ? null : JsonNode.Parse(row.DataJson),
            row.Category, row.CreatedAt, row.SeenAt, row.ClickedAt);
        return ItemActions.FromJson(row.ActionsJson) is not { } actions ? view : view with
        {
            Type = actions.Kind.ToLowerInvariant(),
            Level = actions.Level,
            Actions = actions.Actions,
            RespondedAt = row.AnsweredAt,
            Response = row.AnsweredAt is null ? null : AnswerRules.Chosen(row.AnswerJson),
        };
    }
}
