using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Notify.Core.Sends;
using Notify.Core.Faces.Kit;

namespace Notify.Core.Faces.V3;

/// <summary>The parts of a v3 send beyond content and recipients: topics, channels, send time and workflow.</summary>
public static class SendExtrasParser
{
    public const int MaxTopics = 100;

    public static SendRequest Apply(Validation v, JsonObject root, JsonObject? notification, SendRequest request) => request with
    {
        Topics = Topics(v, root["sendTo"] as JsonObject),
        Channels = Channels(v, v.Object(root, "override")),
        SendAt = SendAt(v, root["sendAt"]),
        Workflow = Workflow(v, notification),
        TemplateIdentifier = TemplateIdentifier(v, notification),
        EmailOverride = EmailOverride(v, (root["override"] as JsonObject)?["channel"] as JsonObject),
        Actions = V3ActionsParser.Parse(v, notification),
    };

    private static string? TemplateIdentifier(Validation v, JsonObject? notification)
    {
        var node = notification?["templateIdentifier"] ?? notification?["templateId"];
        if (node is JsonValue number && number.GetValueKind() == JsonValueKind.Number) return number.ToJsonString();
        return v.String(node, "notification.templateIdentifier", V3Limits.Identifier);
    }

    private static EmailOverride? EmailOverride(Validation v, JsonObject? channel)
    {
        var email = v.Object(channel, "email");
        if (email is null) return null;
        IReadOnlyList<string> Field(string field)
        {
            var addresses = new List<string>();
            foreach (var (address, i) in Addresses(email[field]).Select((a, i) => (a, i)))
                if (address is null || !System.Net.Mail.MailAddress.TryCreate(address, out _))
                    v.Add($"override.channel.email.{field}{(email[field] is JsonArray ? $".{i}" : "")} must be an email");
                else
                    addresses.Add(address);
            return addresses;
        }
        var from = Field("from");
        var replyTo = Field("replyTo");
        var cc = Field("cc");
        var bcc = Field("bcc");
        var fromName = v.String(email, "fromName", 200);
        return new EmailOverride(from.FirstOrDefault(), fromName, replyTo, cc, bcc);
    }

    /// <summary>An address field may be one string or an array of them.</summary>
    private static IEnumerable<string?> Addresses(JsonNode? node) => node switch
    {
        null => [],
        JsonArray list => list.Select(a => a is JsonValue s && s.GetValueKind() == JsonValueKind.String ? s.GetValue<string>() : null),
        JsonValue s when s.GetValueKind() == JsonValueKind.String => [s.GetValue<string>()],
        _ => [null],
    };

    /// <summary>Whether the body names topics; recipients may then be left out.</summary>
    public static bool HasTopics(JsonObject root) => (root["sendTo"] as JsonObject)?["topics"] is JsonArray { Count: > 0 };

    private static IReadOnlyList<string> Topics(Validation v, JsonObject? sendTo)
    {
        var listed = v.Array(sendTo, "topics", MaxTopics);
        if (listed is null || listed.Count > MaxTopics) return [];
        var topics = new List<string>();
        for (var i = 0; i < listed.Count; i++)
        {
            if (listed[i] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var id) && id > 0)
                topics.Add(id.ToString(CultureInfo.InvariantCulture));
            else if (v.String(listed[i], $"sendTo.topics.{i}", V3Limits.Identifier, required: true) is { Length: > 0 } identifier)
                topics.Add(identifier);
        }
        return [.. topics.Distinct()];
    }

    private static IReadOnlyList<string>? Channels(Validation v, JsonObject? overrides)
    {
        var listed = v.Array(overrides, "channels", DeliveryChannels.All.Count);
        if (listed is null) return null;
        var channels = new List<string>();
        for (var i = 0; i < listed.Count; i++)
        {
            var name = v.String(listed[i], $"override.channels.{i}", 50, required: true);
            if (name is null) continue;
            if (DeliveryChannels.Normalize(name) is { } channel) channels.Add(channel);
            else v.Add($"override.channels.{i} must be one of the following values: {string.Join(", ", DeliveryChannels.All)}");
        }
        return [.. channels.Distinct()];
    }

    /// <summary>Checks the format only; whether the time lies ahead is the caller's check, which knows the clock.</summary>
    private static DateTimeOffset? SendAt(Validation v, JsonNode? node)
    {
        var text = v.String(node, "sendAt", 64);
        if (text is null) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            && text.Contains('T'))
            return at;
        v.Add("sendAt must be a valid ISO 8601 date string");
        return null;
    }

    private static SendWorkflow? Workflow(Validation v, JsonObject? notification)
    {
        var workflow = v.Object(notification, "workflow");
        if (workflow is null) return null;
        var identifier = v.String(workflow, "identifier", V3Limits.Identifier, required: true);
        var key = v.String(workflow, "cancellationKey", V3Limits.Identifier);
        return string.IsNullOrEmpty(identifier) ? null : new SendWorkflow(identifier, string.IsNullOrEmpty(key) ? null : key);
    }
}
