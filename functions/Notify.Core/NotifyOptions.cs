namespace Notify.Core;

/// <summary>Settings under the <c>Notify</c> section; the same names in the Functions app and the self-host.</summary>
public sealed class NotifyOptions
{
    public const string Section = "Notify";

    /// <summary>Guards the operator API; when empty the operator API answers 404.</summary>
    public string? OperatorKey { get; set; }

    /// <summary>Prepended to every table and queue name, so several deployments or test runs can share one account.</summary>
    public string StoragePrefix { get; set; } = "";

    public int MaxRecipientsPerSend { get; set; } = 10_000;

    /// <summary>Recipients stored per chunk row and handled per delivery message; also topic members read per fan-out page.</summary>
    public int RecipientsPerChunk { get; set; } = 250;

    /// <summary>Recipients of one delivery message written concurrently.</summary>
    public int DeliveryParallelism { get; set; } = 32;

    public int MaxRequestBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>When set, start-up ensures an app with this id exists (local development).</summary>
    public string? DevelopmentAppId { get; set; }
}
