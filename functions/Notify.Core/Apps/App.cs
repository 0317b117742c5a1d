using Notify.Core.Storage;

namespace Notify.Core.Apps;

/// <summary>A tenant. Stored as one row; every other row of the service carries its id in its key.</summary>
public sealed class App : TableRow
{
    public const string PartitionName = "app";

    public App() => PartitionKey = PartitionName;

    public string Id => RowKey;
    public string Name { get; set; } = "";
    public string ApiKey { get; set; } = "";
    public string ApiSecret { get; set; } = "";
    public bool HmacRequired { get; set; }
    public bool SecureModeRequired { get; set; }
    public string? SigningPublicKeyPem { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Comma-separated channels a send gets when it names none; null means in-app only.</summary>
    public string? DefaultChannels { get; set; }

    public string? WebhookUrl { get; set; }

    /// <summary>Standard Webhooks signing secret (<c>whsec_…</c>), made when a URL is first set.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Set when the endpoint answered 410 Gone; setting the URL again clears it.</summary>
    public bool WebhookDisabled { get; set; }

    /// <summary>Per-channel deliveries a minute, as JSON (<c>{"email":30}</c>), over the configured defaults.</summary>
    public string? RateLimitsJson { get; set; }
}

/// <summary>Finds an app by its API key with one point read.</summary>
public sealed class ApiKeyIndex : TableRow
{
    public const string PartitionName = "apikey";

    public ApiKeyIndex() => PartitionKey = PartitionName;

    public string AppId { get; set; } = "";
}

/// <summary>
/// Finds an app by its API secret (the batch API's bearer credential) with one point read. The row key is the
/// secret's SHA-256, so the index never holds a secret; a row left by a rotated secret finds an app whose
/// secret no longer matches, and the caller is refused.
/// </summary>
public sealed class ApiSecretIndex : TableRow
{
    public const string PartitionName = "apisecret";

    public ApiSecretIndex() => PartitionKey = PartitionName;

    public string AppId { get; set; } = "";

    public static string KeyFor(string secret) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));
}
