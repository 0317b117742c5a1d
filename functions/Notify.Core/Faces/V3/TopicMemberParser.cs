using System.Text.Json;
using System.Text.Json.Nodes;
using Notify.Core.Topics;
using Notify.Core.Faces.Kit;

namespace Notify.Core.Faces.V3;

/// <summary>Reads the member lists of the v3 topic endpoints.</summary>
public static class TopicMemberParser
{
    public const int MaxUsersPerRequest = 1_000;

    /// <summary><c>{"users":[{identifier, channels}]}</c>; a bare identifier string means every channel.</summary>
    public static List<TopicMember> Members(Validation v, JsonObject? body)
    {
        var members = new List<TopicMember>();
        var users = v.Array(body, "users", MaxUsersPerRequest, required: true);
        for (var i = 0; users is not null && i < users.Count && i < MaxUsersPerRequest; i++)
        {
            var name = $"users.{i}";
            if (users[i] is JsonObject user)
            {
                var identifier = v.String(user, "identifier", V3Limits.Identifier, required: true);
                var channels = Channels(v, user["channels"], $"{name}.channels");
                if (!string.IsNullOrEmpty(identifier)) members.Add(new TopicMember(identifier, channels));
            }
            else if (v.String(users[i], name, V3Limits.Identifier, required: true) is { Length: > 0 } identifier)
            {
                members.Add(new TopicMember(identifier, null));
            }
        }
        return [.. members.DistinctBy(m => m.UserId)];
    }

    /// <summary><c>{"users":["id", …]}</c>, also accepting the member objects of <see cref="Members"/>.</summary>
    public static List<string> Identifiers(Validation v, JsonObject? body) =>
        Members(v, body).Select(m => m.UserId).ToList();

    /// <summary>Absent means every channel; a list must name known channels and not be empty.</summary>
    public static IReadOnlyList<string>? Channels(Validation v, JsonNode? node, string name)
    {
        if (node is null) return null;
        if (node is not JsonArray listed || listed.Count == 0)
        {
            v.Add($"{name} must be a non-empty array");
            return null;
        }
        var channels = new List<string>();
        for (var i = 0; i < listed.Count; i++)
        {
            var text = listed[i] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
            if (text is not null && DeliveryChannels.Normalize(text) is { } channel) channels.Add(channel);
            else v.Add($"{name}.{i} must be one of the following values: {string.Join(", ", DeliveryChannels.All)}");
        }
        return [.. channels.Distinct()];
    }
}
