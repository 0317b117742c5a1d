using System.Diagnostics.CodeAnalysis;
using Azure.Core;

namespace Notify.Core.Channels.Email.Acs;

/// <summary>Where an ACS resource lives and how requests to it are authenticated (access key or Entra ID).</summary>
public abstract class AcsConnection
{
    private protected AcsConnection(Uri endpoint) => Endpoint = endpoint;

    public Uri Endpoint { get; }

    /// <summary>From <c>endpoint=https://…/;accesskey=&lt;base64&gt;</c>: requests are HMAC-SHA256 signed.</summary>
    public static AcsConnection FromConnectionString(string connectionString, TimeProvider time) =>
        TryParse(connectionString, out var parsed, out var error)
            ? new AcsHmacConnection(parsed.Endpoint, parsed.Key, time)
            : throw new FormatException($"Invalid ACS connection string: {error}");

    /// <summary>Entra ID: a bearer token for <c>https://communication.azure.com//.default</c>.</summary>
    public static AcsConnection FromTokenCredential(Uri endpoint, TokenCredential credential, TimeProvider time) =>
        new AcsTokenConnection(endpoint, credential, time);

    /// <summary>Adds the authentication headers for a request whose body is exactly <paramref name="body"/>.</summary>
    internal abstract ValueTask AuthenticateAsync(HttpRequestMessage request, byte[] body, CancellationToken ct);

    internal static bool TryParse(
        string connectionString, out (Uri Endpoint, byte[] Key) parsed, [NotNullWhen(false)] out string? error)
    {
        parsed = default;
        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("endpoint", out var endpointText) || !Uri.TryCreate(endpointText, UriKind.Absolute, out var endpoint))
        {
            error = "'endpoint=' is missing or not an absolute URI.";
            return false;
        }

        var keyText = parts.GetValueOrDefault("accesskey") ?? "";
        var key = new byte[keyText.Length * 3 / 4];
        if (!Convert.TryFromBase64String(keyText, key, out var length) || length == 0)
        {
            error = "'accesskey=' is missing or not base64.";
            return false;
        }

        parsed = (endpoint, key[..length]);
        error = null;
        return true;
    }
}
