using System.Security.Cryptography;
using System.Text;

namespace Notify.Core.Apps;

public static class Secrets
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static string NewApiKey() => RandomString(22);

    public static string NewApiSecret() => RandomString(48);

    public static string NewAppId() => "app" + RandomString(12);

    public static string RandomString(int length) => RandomNumberGenerator.GetString(Alphabet, length);

    /// <summary>Compares credentials in constant time so response timing does not leak them.</summary>
    public static bool AreEqual(string? supplied, string expected) =>
        supplied is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(supplied), Encoding.UTF8.GetBytes(expected));
}
