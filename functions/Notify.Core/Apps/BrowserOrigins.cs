using System.Text.Json;
using System.Text.RegularExpressions;

namespace Notify.Core.Apps;

/// <summary>
/// The web origins (<c>https://shop.example</c>) whose pages may call an app's user-facing APIs from a browser.
/// None set means any origin (what a local run wants); an empty list means none. Stored as a JSON array on the app.
/// </summary>
public static partial class BrowserOrigins
{
    public const int MaxCount = 50;
    public const int MaxLength = 200;

    /// <summary>The app's list, or null when any origin may call.</summary>
    public static IReadOnlyList<string>? Of(App app) =>
        app.AllowedOriginsJson is null ? null : JsonSerializer.Deserialize<List<string>>(app.AllowedOriginsJson) ?? [];

    public static void Set(App app, IReadOnlyList<string>? origins) =>
        app.AllowedOriginsJson = origins is null ? null : JsonSerializer.Serialize(origins.Distinct(StringComparer.Ordinal).ToList());

    public static bool Allows(App app, string origin) =>
        Of(app) is not { } listed || listed.Contains(origin, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The origin as browsers send it (<c>scheme://host[:port]</c>, lower case, default port left out), or null when
    /// <paramref name="text"/> is not an absolute http(s) origin: no path, query, fragment or user info.
    /// </summary>
    public static string? Normalize(string text) =>
        text.Length <= MaxLength && OriginPattern().IsMatch(text) && Uri.TryCreate(text, UriKind.Absolute, out var uri)
            ? uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant()
            : null;

    [GeneratedRegex(@"^https?://[A-Za-z0-9.\-\[\]:]+/?$")]
    private static partial Regex OriginPattern();
}
