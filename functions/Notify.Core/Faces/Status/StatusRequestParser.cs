using System.Text.Json;
using System.Text.Json.Nodes;
using Notify.Core.Answers;
using Notify.Core.Requests;

namespace Notify.Core.Faces.Status;

/// <summary>Reads a <c>POST /v1/notifications</c> body into a <see cref="NotificationRequest"/>, or says everything that is wrong with it.</summary>
public sealed class StatusRequestParser(TimeProvider clock)
{
    public const int MaxReceivers = 1_000;
    private const int MaxGroups = 100;
    private const int MaxIdentifier = 400;

    public (NotificationRequest? Request, IReadOnlyList<string> Errors) Parse(JsonNode? body)
    {
        var errors = new List<string>();
        if (body is not JsonObject root) return (null, ["body must be a JSON object"]);
        var read = new StatusFields(root, errors);
        var kind = read.String("type", 10, required: true)?.ToUpperInvariant();
        if (kind is not null && !ItemKinds.All.Contains(kind)) errors.Add($"type must be one of {string.Join(", ", ItemKinds.All)}");
        var title = read.String("title", 50, required: true);
        var content = read.String("content", 250, required: true);
        var name = read.String("name", 100);
        var level = read.Integer("level", 0, 100) ?? 0;
        var receivers = read.Strings("receivers", MaxReceivers, MaxIdentifier);
        var broadcast = read.Boolean("broadcast") ?? false;
        var groups = read.Integers("groups", MaxGroups);
        var submitText = read.String("submit_text", 15);
        var closeText = read.String("close_text", 15);
        var sendAt = SendAt(root["send_at"], errors);
        var options = Options(read, kind, errors);
        if (errors.Count == 0 && receivers.Count == 0 && !broadcast && groups.Count == 0) errors.Add("receivers, broadcast or groups must name someone to notify");
        if (errors.Count > 0) return (null, errors);
        var actions = ItemActions.Create(kind!, level, submitText, closeText, options);
        return (new NotificationRequest(title!, content!, name, actions, receivers, broadcast, groups, sendAt), errors);
    }

    private static List<(string Text, bool Selected)> Options(StatusFields read, string? kind, List<string> errors)
    {
        var radio = read.Options("radio");
        var checkbox = read.Options("checkbox");
        var wanted = kind switch { ItemKinds.Radio => "radio", ItemKinds.Checkbox => "checkbox", _ => null };
        foreach (var (field, given) in new[] { ("radio", radio), ("checkbox", checkbox) })
        {
            if (field == wanted && given is null) errors.Add($"{field} is required for type {kind}");
            else if (field != wanted && given is not null) errors.Add($"{field} is only allowed for type {field.ToUpperInvariant()}");
        }
        var options = (wanted == "radio" ? radio : checkbox) ?? [];
        if (wanted == "radio" && options.Count(o => o.Selected) > 1) errors.Add("radio may have at most one selected item");
        return options;
    }

    /// <summary>Unix seconds or <c>"now"</c>, as documented; an ISO 8601 time is accepted too.</summary>
    private DateTimeOffset? SendAt(JsonNode? node, List<string> errors)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var seconds)
                && seconds is >= 0 and <= 253_402_300_799:
                return DateTimeOffset.FromUnixTimeSeconds(seconds);
            case JsonValue value when value.TryGetValue<string>(out var text) && text == "now":
                return clock.GetUtcNow();
            case JsonValue value when value.TryGetValue<string>(out var text)
                && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at):
                return at;
            default:
                errors.Add("send_at must be Unix seconds or \"now\"");
                return null;
        }
    }
}
