using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Notify.Tests.Channels;

/// <summary>What ACS checks of an HMAC-signed request, shared by the email and SMS contract endpoints.</summary>
internal static class AcsHmacCheck
{
    /// <returns>Why the signature is wrong, or null when ACS would accept it.</returns>
    public static string? Violation(HttpRequest request, byte[] body, byte[] accessKey)
    {
        var contentHash = Convert.ToBase64String(SHA256.HashData(body));
        if (request.Headers["x-ms-content-sha256"] != contentHash)
            return "x-ms-content-sha256 does not match the body";

        var date = request.Headers["x-ms-date"].ToString();
        if (!DateTimeOffset.TryParseExact(date, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sent)
            || (DateTimeOffset.UtcNow - sent).Duration() > TimeSpan.FromMinutes(15))
            return "x-ms-date must be a current RFC 1123 date";

        var pathAndQuery = request.HttpContext.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var stringToSign = $"POST\n{pathAndQuery}\n{date};{request.Host.Value};{contentHash}";
        var signature = Convert.ToBase64String(HMACSHA256.HashData(accessKey, Encoding.ASCII.GetBytes(stringToSign)));
        return request.Headers.Authorization == $"HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature={signature}"
            ? null
            : $"bad signature for string to sign '{stringToSign.Replace("\n", "\\n")}'";
    }
}
