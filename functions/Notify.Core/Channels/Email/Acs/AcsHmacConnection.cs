using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Notify.Core.Channels.Email.Acs;

/// <summary>
/// ACS access-key auth: string to sign = <c>VERB\n&lt;path and query&gt;\n&lt;date&gt;;&lt;host&gt;;&lt;content hash&gt;</c>,
/// signed with HMAC-SHA256 under the decoded access key.
/// </summary>
internal sealed class AcsHmacConnection(Uri endpoint, byte[] key, TimeProvider time) : AcsConnection(endpoint)
{
    internal override ValueTask AuthenticateAsync(HttpRequestMessage request, byte[] body, CancellationToken ct)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        var date = time.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
        var contentHash = Convert.ToBase64String(SHA256.HashData(body));
        // Uri.Authority carries the port only when it is not the scheme's default, which is what the service signs.
        var stringToSign = $"{request.Method.Method}\n{uri.PathAndQuery}\n{date};{uri.Authority};{contentHash}";
        var signature = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(stringToSign)));

        request.Headers.Add("x-ms-date", date);
        request.Headers.Add("x-ms-content-sha256", contentHash);
        request.Headers.TryAddWithoutValidation(
            "Authorization", $"HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature={signature}");
        return ValueTask.CompletedTask;
    }
}
