using System.Text.Json;
using System.Text.Json.Nodes;
using Notify.Core.Users;

namespace Notify.Core.Faces.Batch;

/// <summary>
/// The batch API's user fields and the profile fields they fill (<c>telephone</c> → <c>phoneNumber</c>,
/// <c>language</c> → <c>locale</c>, the rest by their own name). A bad value names the caller's field.
/// </summary>
public static class BatchProfileFields
{
    /// <summary>(batch name, profile name)</summary>
    public static readonly IReadOnlyList<(string Batch, string Profile)> Known =
    [
        ("email", "email"), ("telephone", "phoneNumber"), ("language", "locale"), ("timezone", "timezone"),
        ("firstName", "firstName"), ("lastName", "lastName"), ("photoURL", "photoURL"), ("country", "country"),
    ];

    private const int MaxField = 1_000;

    /// <summary>Reads <c>prefix + Field</c> names (<c>userEmail</c>) or plain ones; the error is <c>field/invalid</c>.</summary>
    public static (JsonObject Profile, string? Error) Read(JsonObject source, Func<string, string> name)
    {
        var profile = new JsonObject();
        foreach (var (batch, field) in Known)
        {
            var key = name(batch);
            if (source[key] is not { } node) continue;
            if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String || value.GetValue<string>().Length > MaxField)
                return (profile, $"{key}/invalid");
            var text = value.GetValue<string>().Trim();
            if (text.Length == 0) continue;
            if (field == "country" && !(text.Length == 2 && text.All(char.IsAsciiLetter))) return (profile, $"{key}/invalid");
            profile[field] = field == "country" ? text.ToUpperInvariant() : text;
        }
        var rejected = ProfileRules.Check(null, profile).FirstOrDefault();
        return rejected is null ? (profile, null) : (profile, $"{name(Known.Single(k => rejected.StartsWith(k.Profile + " ", StringComparison.Ordinal)).Batch)}/invalid");
    }

    /// <summary>The profile as the batch API names its fields.</summary>
    public static JsonObject View(string userId, JsonObject profile)
    {
        var view = new JsonObject { ["id"] = userId };
        foreach (var (batch, field) in Known)
            if (profile[field] is { } value) view[batch] = value.DeepClone();
        foreach (var (key, value) in profile)
            if (!Known.Any(k => k.Profile == key) && !view.ContainsKey(key)) view[key] = value?.DeepClone();
        return view;
    }
}
