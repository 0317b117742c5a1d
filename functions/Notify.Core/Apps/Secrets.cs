using System.Security.Cryptography;
using System.Text;

namespace Notify.Core.Apps;

public static class Secrets
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static string NewApiKey() => RandomString(22);

    public static string NewApiSecret() => RandomString(48);

    public static string NewAppId() => "app" + RandomString(12);

    /// <summary>
    /// App ids and API keys are short runs of letters, digits, '-' and '_'; anything else is refused
    /// before it reaches a table key.
    /// </summary>
    public static bool IsWellFormedId(string value) =>
        value.Length is > 0 and <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string RandomString(int length) => RandomNumberGenerator.GetString(Alphabet, length);

    /// <summary>Compares credentials in constant time so response timing does not leak them.</summary>
    public static bool AreEqual(string? supplied, string expected) =>
        supplied is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(supplied), Encoding.UTF8.GetBytes(expected));
}
