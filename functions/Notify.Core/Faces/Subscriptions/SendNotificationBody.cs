using System.Text.Json;
using System.Text.Json.Nodes;

namespace Notify.Core.Faces.Subscriptions;

/// <summary>The send body, checked as the seed's server checks it (title 3–30, text 3–200), with its messages.</summary>
public sealed record SendNotificationBody(string Title, string Text)
{
    public static (SendNotificationBody? Body, IReadOnlyList<string> Errors) Read(JsonNode? node)
    {
        var errors = new List<string>();
        var title = Check(node as JsonObject, "title", 3, 30, errors);
        var text = Check(node as JsonObject, "text", 3, 200, errors);
        return errors.Count == 0 ? (new SendNotificationBody(title!, text!), errors) : (null, errors);
    }

    private static string? Check(JsonObject? body, string name, int min, int max, List<string> errors)
    {
        if (body?[name] is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            errors.Add($"{name} must be longer than or equal to {min} characters");
            errors.Add($"{name} must be a string");
            return null;
        }
        var text = value.GetValue<string>();
        if (text.Length < min) errors.Add($"{name} must be longer than or equal to {min} characters");
        if (text.Length > max) errors.Add($"{name} must be shorter than or equal to {max} characters");
        return text;
    }
}
