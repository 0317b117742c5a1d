using System.ComponentModel.DataAnnotations;

namespace Notify.Core.Faces.Operator;

// The operator request bodies, as the API descriptions show them (the endpoints read the JSON themselves).

/// <summary><c>POST /operator/apps</c>.</summary>
public sealed record CreateAppRequest
{
    [MaxLength(200)] public required string Name { get; init; }
}

/// <summary><c>PATCH /operator/apps/{id}</c>: the settings to change; absent ones stay as they are.</summary>
public sealed record UpdateAppRequest
{
    [MaxLength(200)] public string? Name { get; init; }
    public bool? HmacRequired { get; init; }
    public bool? SecureModeRequired { get; init; }
    /// <summary>A PEM-encoded RSA public key for user tokens; empty or null removes it.</summary>
    [MaxLength(10_000)] public string? SigningPublicKeyPem { get; init; }
    /// <summary>The channels a send uses when it names none: inApp, email, sms, webhook.</summary>
    public IReadOnlyList<string>? DefaultChannels { get; init; }
    /// <summary>An absolute http(s) URL for the webhook channel; null removes it.</summary>
    [MaxLength(2_048)] public string? WebhookUrl { get; init; }
    /// <summary>Deliveries a minute per channel (a positive integer each).</summary>
    public IReadOnlyDictionary<string, int>? RateLimits { get; init; }
    /// <summary>The browser origins (scheme, host and port) the user-facing routes admit; null for any, an empty list for none.</summary>
    public IReadOnlyList<string>? AllowedOrigins { get; init; }
}

/// <summary><c>POST /operator/dead-letters/{queue}/{messageId}/replay</c> and <c>…/discard</c>.</summary>
public sealed record DeadLetterTicketRequest
{
    /// <summary>The ticket the listing handed out with the message.</summary>
    public required string Ticket { get; init; }
}

/// <summary><c>POST /operator/apps/{appId}/feeds</c> (name required) and <c>PATCH …/feeds/{feedId}</c>.</summary>
public sealed record FeedRequest
{
    [MaxLength(200)] public string? Name { get; init; }
    /// <summary>An absolute http(s) URL called when a subscription changes; null or empty for none.</summary>
    [MaxLength(2000)] public string? CallbackUrl { get; init; }
}
