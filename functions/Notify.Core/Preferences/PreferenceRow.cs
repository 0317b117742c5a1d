using System.Text.Json;
using Notify.Core.Storage;

namespace Notify.Core.Preferences;

/// <summary>A user's rules, category id → channel → enabled. Absent rules mean enabled.</summary>
public sealed class UserPreferences(Dictionary<int, Dictionary<string, bool>> rules)
{
    public static UserPreferences Empty => new([]);

    public IReadOnlyDictionary<int, Dictionary<string, bool>> Rules => rules;

    public IReadOnlyDictionary<string, bool>? ForCategory(int? categoryId) =>
        categoryId is { } id && rules.TryGetValue(id, out var channels) ? channels : null;

    public void Set(int categoryId, string channel, bool enabled)
    {
        if (!rules.TryGetValue(categoryId, out var channels)) rules[categoryId] = channels = [];
        channels[channel] = enabled;
    }

    public string ToJson() => JsonSerializer.Serialize(rules);

    public static UserPreferences FromJson(string json) =>
        new(JsonSerializer.Deserialize<Dictionary<int, Dictionary<string, bool>>>(json) ?? []);
}

/// <summary>The preferences row, in the user's own partition so delivery reads it beside the inbox.</summary>
public sealed class PreferenceRow : TableRow
{
    public string RulesJson { get; set; } = "{}";
}
