using System.Text.Json;
using System.Text.Json.Nodes;

namespace Notify.Core.Faces.Status;

/// <summary>Typed reads of a request body's fields, collecting a message for each field that is wrong.</summary>
public sealed class StatusFields(JsonObject root, List<string> errors)
{
    public string? String(string name, int maxLength, bool required = false) => String(root[name], name, maxLength, required);

    public int? Integer(string name, int min, int max)
    {
        var node = root[name];
        if (node is null) return null;
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var number) && number >= min && number <= max)
            return number;
        errors.Add($"{name} must be an integer from {min} to {max}");
        return null;
    }

    public bool? Boolean(string name)
    {
        var node = root[name];
        if (node is null) return null;
        if (node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False) return value.GetValue<bool>();
        errors.Add($"{name} must be a boolean");
        return null;
    }

    public IReadOnlyList<string> Strings(string name, int maxItems, int maxLength)
    {
        if (Array(name, 0, maxItems) is not { } array) return [];
        var items = new List<string>();
        foreach (var item in array)
            if (String(item, $"each of {name}", maxLength, required: true) is { Length: > 0 } text) items.Add(text);
        return items;
    }

    public IReadOnlyList<int> Integers(string name, int maxItems)
    {
        if (Array(name, 0, maxItems) is not { } array) return [];
        var items = new List<int>();
        foreach (var item in array)
        {
            if (item is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var number) && number > 0) items.Add(number);
            else errors.Add($"each of {name} must be a positive integer");
        }
        return items;
    }

    /// <summary>2–10 choices of <c>{text, selected}</c>; null when the field is absent.</summary>
    public List<(string Text, bool Selected)>? Options(string name)
    {
        if (root[name] is null) return null;
        if (Array(name, 2, 10) is not { } array) return [];
        var options = new List<(string, bool)>();
        foreach (var item in array)
        {
            if (item is not JsonObject option)
            {
                errors.Add($"each of {name} must be an object with text and selected");
                continue;
            }
            var fields = new StatusFields(option, errors);
            var text = fields.String("text", 50, required: true);
            var selected = fields.Boolean("selected") ?? false;
            if (text is { Length: > 0 }) options.Add((text, selected));
        }
        return options;
    }

    private JsonArray? Array(string name, int minItems, int maxItems)
    {
        var node = root[name];
        if (node is null) return null;
        if (node is JsonArray array && array.Count >= minItems && array.Count <= maxItems) return array;
        errors.Add(node is JsonArray ? $"{name} must hold {minItems} to {maxItems} items" : $"{name} must be an array");
        return null;
    }

    private string? String(JsonNode? node, string name, int maxLength, bool required)
    {
        if (node is null)
        {
            if (required) errors.Add($"{name} is required");
            return null;
        }
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            errors.Add($"{name} must be a string");
            return null;
        }
        var text = value.GetValue<string>();
        if (required && text.Length == 0) errors.Add($"{name} must not be empty");
        else if (text.Length > maxLength) errors.Add($"{name} must be at most {maxLength} characters");
        return text;
    }
}
