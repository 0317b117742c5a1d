using System.Text.Json;
using System.Text.Json.Nodes;

namespace Notify.Core.Sends;

/// <summary>A user to notify, with the profile fields the send carried inline (created or merged on delivery).</summary>
public sealed record Recipient(string Identifier, JsonObject? Profile)
{
    public static string Serialize(IEnumerable<Recipient> recipients) =>
        new JsonArray(recipients.Select(r => (JsonNode)new JsonObject
        {
            ["id"] = r.Identifier,
            ["profile"] = r.Profile?.DeepClone(),
        }).ToArray()).ToJsonString();

    public static IReadOnlyList<Recipient> Deserialize(string json) =>
        (JsonNode.Parse(json) as JsonArray ?? throw new JsonException("Recipient chunk is not an array."))
        .Select(n => new Recipient(n!["id"]!.GetValue<string>(), n["profile"] as JsonObject))
        .ToList();
}
