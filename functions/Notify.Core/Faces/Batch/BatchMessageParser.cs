using System.Net.Mail;
using System.Text.Json;
using System.Text.Json.Nodes;
using Notify.Core.Messages;
using Notify.Core.Templates;

namespace Notify.Core.Faces.Batch;

/// <summary>
/// Reads one message of <c>messages.send</c>. A bad message fails alone, with an <c>area/reason</c> error such as
/// <c>userId/required</c> or <c>userEmail/invalid</c>; the rest of the batch goes on.
/// </summary>
public static class BatchMessageParser
{
    public const int MaxId = 256;
    private const int MaxDataJson = 16_000;
    private const int MaxOverrideField = 20_000;

    public static (MessageRequest? Message, string? Error) Parse(JsonNode? node)
    {
        if (node is not JsonObject message) return (null, "message/invalid");
        var notificationId = Text(message, "notificationId", required: true, out var error);
        var userId = error is null ? Text(message, "userId", required: true, out error) : null;
        var id = error is null ? Text(message, "id", required: false, out error) : null;
        var incrementId = error is null ? Text(message, "incrementId", required: false, out error) : null;
        if (error is not null) return (null, error);
        var data = message["data"];
        if (data is not null and not JsonObject || data?.ToJsonString().Length > MaxDataJson) return (null, "data/invalid");
        var (profile, profileError) = BatchProfileFields.Read(message, field => "user" + char.ToUpperInvariant(field[0]) + field[1..]);
        if (profileError is not null) return (null, profileError);
        var widget = Override(message, "widgetSettingsOverride", TemplateOverrides.InAppFields, out error);
        var email = error is null ? Override(message, "emailSettingsOverride", [.. TemplateOverrides.EmailFields, "from", "fromName"], out error) : null;
        if (error is null && email?["from"] is JsonValue from && !MailAddress.TryCreate(from.ToString(), out _)) error = "emailSettingsOverride/invalid";
        if (error is not null) return (null, error);
        return (new MessageRequest(id, notificationId!, userId!, data as JsonObject, incrementId, profile, widget, email), null);
    }

    private static string? Text(JsonObject message, string name, bool required, out string? error)
    {
        error = null;
        if (message[name] is null)
        {
            if (required) error = $"{name}/required";
            return null;
        }
        if (message[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String
            && value.GetValue<string>() is { Length: > 0 and <= MaxId } text && !text.Any(char.IsControl))
            return text;
        error = $"{name}/invalid";
        return null;
    }

    /// <summary>An override is an object whose fields this service applies are strings (Liquid, like the template's).</summary>
    private static JsonObject? Override(JsonObject message, string name, IReadOnlyList<string> fields, out string? error)
    {
        error = null;
        if (message[name] is null) return null;
        // Settings this service has no use for are ignored: a client written for the vendor may send more.
        if (message[name] is JsonObject settings && settings.Where(p => fields.Contains(p.Key)).All(p => p.Value is JsonValue v
                && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length <= MaxOverrideField))
            return settings;
        error = $"{name}/invalid";
        return null;
    }
}
