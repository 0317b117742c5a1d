using System.Text.Json;
using System.Text.Json.Nodes;
using Notify.Core.Answers;
using Notify.Core.Faces.Kit;

namespace Notify.Core.Faces.V3;

/// <summary>
/// The v3 extension for items that ask for an answer: <c>notification.actions</c> =
/// <c>{type: SIMPLE|SURVEY|RADIO|CHECKBOX, level, submitText, closeText, options: [{text, selected}]}</c>.
/// </summary>
public static class V3ActionsParser
{
    public static ItemActions? Parse(Validation v, JsonObject? notification)
    {
        var actions = v.Object(notification, "actions");
        if (actions is null) return null;
        var kind = v.String(actions, "type", 10, required: true)?.ToUpperInvariant();
        if (kind is not null && !ItemKinds.All.Contains(kind)) v.Add($"notification.actions.type must be one of the following values: {string.Join(", ", ItemKinds.All)}");
        var level = actions["level"] switch
        {
            null => 0,
            JsonValue value when value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var n) && n is >= 0 and <= 100 => n,
            _ => Fail(v, "notification.actions.level must be an integer from 0 to 100"),
        };
        var submitText = v.String(actions, "submitText", 15);
        var closeText = v.String(actions, "closeText", 15);
        var options = Options(v, v.Array(actions, "options", 10), kind);
        return v.IsValid ? ItemActions.Create(kind!, level, submitText, closeText, options) : null;
    }

    private static List<(string, bool)> Options(Validation v, JsonArray? listed, string? kind)
    {
        var hasOptions = kind is ItemKinds.Radio or ItemKinds.Checkbox;
        if (hasOptions && (listed is null || listed.Count < 2)) v.Add("notification.actions.options must contain at least 2 elements");
        if (!hasOptions && listed is { Count: > 0 }) v.Add("notification.actions.options are only allowed for RADIO and CHECKBOX");
        var options = new List<(string, bool)>();
        foreach (var item in listed ?? [])
        {
            var text = v.String(item as JsonObject, "text", 50, required: true);
            if (item is not JsonObject) v.Add("notification.actions.options must be objects with text and selected");
            else if (text is { Length: > 0 }) options.Add((text, v.Boolean((JsonObject)item, "selected") ?? false));
        }
        if (kind == ItemKinds.Radio && options.Count(o => o.Item2) > 1) v.Add("notification.actions.options may have at most one selected RADIO option");
        return options;
    }

    private static int Fail(Validation v, string message)
    {
        v.Add(message);
        return 0;
    }
}
