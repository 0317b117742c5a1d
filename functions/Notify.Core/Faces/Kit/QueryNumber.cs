using System.Globalization;

namespace Notify.Core.Faces.Kit;

/// <summary>Whole numbers from a query string: digits only, within bounds, a fallback when absent.</summary>
public static class QueryNumber
{
    /// <summary>False when <paramref name="text"/> is given but is not a whole number from min to max; <paramref name="value"/> is then the fallback.</summary>
    public static bool TryRead(string? text, int min, int max, int fallback, out int value)
    {
        value = fallback;
        if (string.IsNullOrEmpty(text)) return true;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var read) || read < min || read > max) return false;
        value = read;
        return true;
    }
}
