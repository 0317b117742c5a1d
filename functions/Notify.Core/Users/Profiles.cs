using System.Text.Json.Nodes;

namespace Notify.Core.Users;

public static class Profiles
{
    /// <summary>A profile is stored in one string property, which Table Storage caps at 32K characters.</summary>
    public const int MaxJsonLength = 30_000;

    public static JsonObject Parse(string json) => JsonNode.Parse(json) as JsonObject ?? [];

    /// <summary>The profile's <c>email</c> when it is a string.</summary>
    public static string? Email(string? json) =>
        json is null ? null : Parse(json)["email"] is JsonValue value && value.TryGetValue<string>(out var email) && email.Length > 0 ? email : null;

    /// <summary>
    /// Applies a change to a stored profile and checks the result (reserved fields, size); throws
    /// <see cref="ProfileChangeRejectedException"/> when it fails, so a store retry loop stops unchanged.
    /// </summary>
    public static string Change(string storedJson, Func<JsonObject, JsonObject> change)
    {
        var before = Parse(storedJson);
        var after = change((JsonObject)before.DeepClone());
        var json = after.ToJsonString();
        var errors = ProfileRules.Check(before, after).ToList();
        if (json.Length > MaxJsonLength) errors.Add($"profile must be shorter than or equal to {MaxJsonLength} characters as JSON");
        return errors.Count == 0 ? json : throw new ProfileChangeRejectedException(errors);
    }

    /// <summary>Top-level merge: fields in <paramref name="changes"/> replace stored ones; null removes one.</summary>
    public static string Merge(string storedJson, JsonObject changes) => MergeInto(Parse(storedJson), changes).ToJsonString();

    /// <summary>Sets the fields of <paramref name="fields"/> that the profile lacks or holds empty; stored values win.</summary>
    public static JsonObject FillInto(JsonObject profile, JsonObject fields)
    {
        foreach (var (name, value) in fields)
            if (value is not null && (profile[name] is null || profile[name] is JsonValue stored && stored.ToString().Length == 0))
                profile[name] = value.DeepClone();
        return profile;
    }

    public static JsonObject MergeInto(JsonObject profile, JsonObject changes)
    {
        foreach (var (name, value) in changes)
        {
            if (value is null) profile.Remove(name);
            else profile[name] = value.DeepClone();
        }
        return profile;
    }
}
