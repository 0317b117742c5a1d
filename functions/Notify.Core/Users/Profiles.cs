using System.Text.Json.Nodes;

namespace Notify.Core.Users;

public static class Profiles
{
    /// <summary>A profile is stored in one string property, which Table Storage caps at 32K characters.</summary>
    public const int MaxJsonLength = 30_000;

    public static JsonObject Parse(string json) => JsonNode.Parse(json) as JsonObject ?? [];

    /// <summary>Top-level merge: fields in <paramref name="changes"/> replace stored ones; null removes one.</summary>
    public static string Merge(string storedJson, JsonObject changes)
    {
        var profile = Parse(storedJson);
        foreach (var (name, value) in changes)
        {
            if (value is null) profile.Remove(name);
            else profile[name] = value.DeepClone();
        }
        return profile.ToJsonString();
    }
}
