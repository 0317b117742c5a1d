using System.Text.Json;
using System.Text.Json.Serialization;

namespace Notify.Core.Answers;

/// <summary>How an item is answered: dismissed only, a survey (submit or close), one option, or several.</summary>
public static class ItemKinds
{
    public const string Simple = "SIMPLE";
    public const string Survey = "SURVEY";
    public const string Radio = "RADIO";
    public const string Checkbox = "CHECKBOX";

    public static readonly IReadOnlyList<string> All = [Simple, Survey, Radio, Checkbox];
}

public static class ActionTypes
{
    public const string Submit = "SUBMIT";
    public const string Close = "CLOSE";
}

/// <summary>One button or option of an item. Ids are small ordinals, unique within the item's send.</summary>
public sealed record ItemAction(string Id, string Type, string Text, bool Selected);

/// <summary>
/// What a send asks of its recipients: the kind, a level (the sender's priority) and the buttons and
/// options, in order. Carried by the send and copied onto every inbox item, so an answer is checked
/// against the item alone.
/// </summary>
public sealed record ItemActions(string Kind, int Level, IReadOnlyList<ItemAction> Actions)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [JsonIgnore]
    public IEnumerable<ItemAction> Options => Actions.Where(a => a.Type == Kind && Kind is ItemKinds.Radio or ItemKinds.Checkbox);

    /// <summary>Builds the actions of a kind: SIMPLE can only be closed; the others are submitted or closed.</summary>
    public static ItemActions Create(string kind, int level, string? submitText, string? closeText, IReadOnlyList<(string Text, bool Selected)> options)
    {
        var actions = new List<ItemAction>();
        if (kind != ItemKinds.Simple) actions.Add(new ItemAction("1", ActionTypes.Submit, submitText ?? "Submit", false));
        actions.Add(new ItemAction((actions.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), ActionTypes.Close, closeText ?? "Close", false));
        foreach (var (text, selected) in options)
            actions.Add(new ItemAction((actions.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), kind, text, selected));
        return new ItemActions(kind, level, actions);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ItemActions? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<ItemActions>(json, Json);
}
