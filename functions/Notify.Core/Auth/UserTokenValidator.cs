using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Notify.Core.Apps;

namespace Notify.Core.Auth;

/// <summary>
/// Checks RS256 user tokens against the app's public key. Official SDKs send no <c>exp</c>, so
/// tokens without one are accepted; <c>exp</c> and <c>nbf</c> are honoured when present.
/// </summary>
public sealed class UserTokenValidator
{
    private const string UserPrefix = "user:";
    private readonly JsonWebTokenHandler handler = new();
    private readonly ConcurrentDictionary<string, SecurityKey> keysByPem = new();

    public static string? ReadApiKey(string token)
    {
        try
        {
            return new JsonWebToken(token).TryGetPayloadValue<string>("apiKey", out var apiKey) ? apiKey : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    public async Task<string?> ValidateAsync(string token, App app)
    {
        if (string.IsNullOrWhiteSpace(app.SigningPublicKeyPem))
            return null;
        var result = await handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = keysByPem.GetOrAdd(app.SigningPublicKeyPem, ImportKey),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ValidateIssuer = false,
            ValidateAudience = false,
            RequireExpirationTime = false,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromSeconds(30),
        });
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
            return null;
        if (!jwt.TryGetPayloadValue<string>("apiKey", out var apiKey) || apiKey != app.ApiKey)
            return null;
        var subject = jwt.Subject;
        return subject is not null && subject.StartsWith(UserPrefix, StringComparison.Ordinal) && subject.Length > UserPrefix.Length
            ? subject[UserPrefix.Length..]
            : null;
    }

    public static bool IsValidPublicKey(string pem)
    {
        try
        {
            ImportKey(pem);
            return true;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            return false;
        }
    }

    private static SecurityKey ImportKey(string pem)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return new RsaSecurityKey(rsa);
    }
}
