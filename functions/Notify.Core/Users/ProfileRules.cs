using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Notify.Core.Users;

/// <summary>The profile fields delivery relies on. Other fields are the app's own and stay free-form.</summary>
public static partial class ProfileRules
{
    /// <summary>Checks the reserved fields that differ from <paramref name="before"/>, so an old value cannot block an unrelated change.</summary>
    public static IReadOnlyList<string> Check(JsonObject? before, JsonObject after)
    {
        var errors = new List<string>();
        foreach (var (field, rule) in Rules)
        {
            var value = after[field];
            if (value is null || JsonNode.DeepEquals(value, before?[field])) continue;
            if (value is not JsonValue text || text.GetValueKind() != JsonValueKind.String || !rule.IsValid(text.GetValue<string>()))
                errors.Add($"{field} {rule.Message}");
        }
        return errors;
    }

    private static readonly (string Field, (Func<string, bool> IsValid, string Message) Rule)[] Rules =
    [
        ("email", (s => s.Length <= 320 && Email().IsMatch(s), "must be an email")),
        ("phoneNumber", (s => PhoneNumber().IsMatch(s), "must be a phone number in E.164 format (+14155550123)")),
        ("locale", (IsLocale, "must be a BCP 47 language tag (en, en-US)")),
        ("timezone", (IsTimeZone, "must be an IANA time zone (Europe/Berlin)")),
    ];

    private static bool IsLocale(string tag)
    {
        if (!Locale().IsMatch(tag)) return false;
        try
        {
            return !CultureInfo.GetCultureInfo(tag, predefinedOnly: true).Equals(CultureInfo.InvariantCulture);
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    private static bool IsTimeZone(string id) =>
        id.Length <= 64 && id != "Local" && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId;

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex PhoneNumber();

    [GeneratedRegex(@"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$")]
    private static partial Regex Locale();
}
