using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Notify.Core.Faces.Kit;

/// <summary>Collects validation messages in the style the vendor APIs use ("title must be a string").</summary>
public sealed class Validation
{
    private readonly List<string> errors = [];

    public IReadOnlyList<string> Errors => errors;
    public bool IsValid => errors.Count == 0;

    public void Add(string message) => errors.Add(message);

    /// <summary>A query-string number from min to max (the fallback when absent), or a message naming the range.</summary>
    public int Query(HttpRequest request, string name, int min, int max, int fallback)
    {
        if (QueryNumber.TryRead(request.Query[name].FirstOrDefault(), min, max, fallback, out var value)) return value;
        Add($"{name} must be an integer from {min} to {max}");
        return fallback;
    }

    public JsonObject? Object(JsonObject? parent, string name, bool required = false)
    {
        var node = parent?[name];
        if (node is JsonObject value) return value;
        if (node is not null || required) Add($"{name} must be an object");
        return null;
    }

    public JsonArray? Array(JsonObject? parent, string name, int maxItems, bool required = false)
    {
        var node = parent?[name];
        if (node is JsonArray value)
        {
            if (value.Count > maxItems) Add($"{name} must contain no more than {maxItems} elements");
            return value;
        }
        if (node is not null || required) Add($"{name} must be an array");
        return null;
    }

    public string? String(JsonObject? parent, string name, int maxLength, bool required = false) =>
        String(parent?[name], name, maxLength, required);

    public string? String(JsonNode? node, string name, int maxLength, bool required = false)
    {
        if (node is null)
        {
            if (required) Add($"{name} should not be empty");
            return null;
        }
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            Add($"{name} must be a string");
            return null;
        }
        var text = value.GetValue<string>();
        if (required && text.Length == 0) Add($"{name} should not be empty");
        else if (text.Length > maxLength) Add($"{name} must be shorter than or equal to {maxLength} characters");
        return text;
    }

    public bool? Boolean(JsonObject? parent, string name)
    {
        var node = parent?[name];
        if (node is null) return null;
        if (node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            return value.GetValue<bool>();
        Add($"{name} must be a boolean value");
        return null;
    }
}
