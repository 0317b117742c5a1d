using System.Text.Json;
using System.Text.Json.Nodes;
using Notify.Core.Content;
using Notify.Core.Sends;
using Notify.Core.Users;
using Notify.Core.Faces.Kit;

namespace Notify.Core.Faces.V3;

/// <summary>Turns a v3 send body into a <see cref="SendRequest"/>, or validation messages.</summary>
public static class SendRequestParser
{
    public static (SendRequest? Request, IReadOnlyList<string> Errors) Parse(JsonNode? body, int maxRecipients)
    {
        var v = new Validation();
        if (body is not JsonObject root)
        {
            v.Add("notification must be an object");
            return (null, v.Errors);
        }
        var notification = v.Object(root, "notification", required: true);
        // A template brings its own title.
        var templated = notification?["templateIdentifier"] is not null || notification?["templateId"] is not null;
        var title = v.String(notification?["title"], "notification.title", V3Limits.Title, required: notification is not null && !templated);
        var message = v.String(notification?["message"], "notification.message", V3Limits.Message);
        var icon = v.String(notification?["icon"], "notification.icon", V3Limits.Link);
        var url = v.String(notification?["url"], "notification.url", V3Limits.Link);
        var category = v.String(notification?["category"] ?? root["category"], "category", V3Limits.Category);
        var data = Json(v, notification?["data"], "notification.data");
        var templateData = Json(v, root["data"], "data");
        var recipients = Recipients(v, root, maxRecipients);
        var request = SendExtrasParser.Apply(v, root, notification,
            new SendRequest(new NotificationContent(title, message, icon, url, data, category), templateData, recipients));
        return v.IsValid ? (request, v.Errors) : (null, v.Errors);
    }

    private static string? Json(Validation v, JsonNode? node, string name)
    {
        if (node is null) return null;
        if (node is not JsonObject) v.Add($"{name} must be an object");
        var json = node.ToJsonString();
        if (json.Length > V3Limits.DataJson) v.Add($"{name} must be shorter than or equal to {V3Limits.DataJson} characters as JSON");
        return json;
    }

    private static List<Recipient> Recipients(Validation v, JsonObject root, int maxRecipients)
    {
        var sendTo = v.Object(root, "sendTo");
        var listed = v.Array(sendTo, "recipients", maxRecipients) ?? v.Array(root, "recipients", maxRecipients);
        if (listed is null || listed.Count == 0)
        {
            if (!SendExtrasParser.HasTopics(root)) v.Add("sendTo.recipients should not be empty");
            return [];
        }
        if (listed.Count > maxRecipients) return [];
        // A recipient named twice is notified once, with the profile fields of both mentions.
        var byId = new Dictionary<string, Recipient>(StringComparer.Ordinal);
        for (var i = 0; i < listed.Count; i++)
        {
            var recipient = ParseRecipient(v, listed[i], $"sendTo.recipients.{i}");
            if (recipient is null) continue;
            byId[recipient.Identifier] = byId.TryGetValue(recipient.Identifier, out var earlier) && earlier.Profile is not null
                ? recipient with { Profile = Merge(earlier.Profile, recipient.Profile) }
                : recipient;
        }
        return [.. byId.Values];
    }

    private static Recipient? ParseRecipient(Validation v, JsonNode? node, string name)
    {
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            var id = v.String(node, name, V3Limits.Identifier, required: true);
            return string.IsNullOrEmpty(id) || id.Length > V3Limits.Identifier ? null : new Recipient(id, null);
        }
        if (node is not JsonObject user)
        {
            v.Add($"{name} must be a string or an object");
            return null;
        }
        var identifier = v.String(user, "identifier", V3Limits.Identifier, required: true);
        if (string.IsNullOrEmpty(identifier) || identifier.Length > V3Limits.Identifier) return null;
        var profile = new JsonObject();
        foreach (var (field, fieldValue) in user)
            if (field != "identifier") profile[field] = fieldValue?.DeepClone();
        foreach (var problem in ProfileRules.Check(null, profile))
            v.Add($"{name}.{problem}");
        if (profile.ToJsonString().Length > V3Limits.InlineProfileJson)
        {
            v.Add($"{name} profile must be shorter than or equal to {V3Limits.InlineProfileJson} characters as JSON");
            return null;
        }
        return new Recipient(identifier, profile.Count == 0 ? null : profile);
    }

    private static JsonObject Merge(JsonObject first, JsonObject? second)
    {
        var merged = (JsonObject)first.DeepClone();
        foreach (var (field, value) in second ?? []) merged[field] = value?.DeepClone();
        return merged;
    }
}
