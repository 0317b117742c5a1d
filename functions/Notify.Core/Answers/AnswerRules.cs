using System.Text.Json;

namespace Notify.Core.Answers;

/// <summary>What a user chose: a button (SUBMIT or CLOSE) and, for RADIO and CHECKBOX, option ids.</summary>
public sealed record AnswerChoice(string Button, IReadOnlyList<string> OptionIds);

/// <summary>Checks a choice against an item's actions and gives the actions it records.</summary>
public static class AnswerRules
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The chosen actions as stored on the item.</summary>
    public static string ToJson(IReadOnlyList<ItemAction> chosen) => JsonSerializer.Serialize(chosen, Json);

    public static IReadOnlyList<ItemAction> Chosen(string? answerJson) =>
        answerJson is null ? [] : JsonSerializer.Deserialize<List<ItemAction>>(answerJson, Json) ?? [];

    public static (IReadOnlyList<ItemAction>? Chosen, string? Error) Check(ItemActions item, AnswerChoice choice)
    {
        var button = item.Actions.FirstOrDefault(a => a.Type == choice.Button);
        if (button is null)
            return (null, $"action must be one of the following values: {string.Join(", ", item.Actions.Where(IsButton).Select(a => a.Type))}");
        if (choice.Button == ActionTypes.Close || item.Kind is ItemKinds.Survey)
            return choice.OptionIds.Count == 0 ? ([button], null) : (null, "options must be empty for this action");
        var options = item.Options.ToDictionary(o => o.Id);
        if (choice.OptionIds.Distinct().Count() != choice.OptionIds.Count) return (null, "options must not repeat");
        var unknown = choice.OptionIds.FirstOrDefault(id => !options.ContainsKey(id));
        if (unknown is not null) return (null, $"option {unknown} does not exist");
        return item.Kind switch
        {
            ItemKinds.Radio when choice.OptionIds.Count != 1 => (null, "options must hold exactly one option"),
            ItemKinds.Checkbox when choice.OptionIds.Count == 0 => (null, "options must hold at least one option"),
            _ => (choice.OptionIds.Select(id => options[id]).ToList(), null),
        };
    }

    private static bool IsButton(ItemAction action) => action.Type is ActionTypes.Submit or ActionTypes.Close;
}
