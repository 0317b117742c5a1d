namespace Notify.Core.Channels.Webhooks;

/// <summary>Settings of the webhook channel, bound from <c>Notify:Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Notify:Webhooks";

    /// <summary>How long to wait for a receiver's answer; also bounds how long one slow receiver holds a worker.</summary>
    public int TimeoutSeconds { get; set; } = 15;

    /// <summary>
    /// Off by default: webhook URLs come from tenants, and without this guard a URL could reach loopback, private
    /// ranges or the cloud metadata endpoint from inside our network. Turn on for self-hosts that call internal services.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }
}
