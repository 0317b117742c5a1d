namespace Notify.Core.Channels.Sms;

public enum SmsProvider
{
    /// <summary>No provider: every SMS is written to <see cref="SmsOptions.DevelopmentOutbox"/> for a person to read.</summary>
    Development,
    Acs,
}

/// <summary>Settings of the SMS channel, bound from <c>Notify:Sms</c>.</summary>
public sealed class SmsOptions
{
    public const string SectionName = "Notify:Sms";

    public SmsProvider Provider { get; set; } = SmsProvider.Development;

    /// <summary><c>endpoint=https://…/;accesskey=…</c>; HMAC auth. Takes precedence over <see cref="AcsEndpoint"/>.</summary>
    public string? AcsConnectionString { get; set; }

    /// <summary>Resource endpoint used with Entra ID (DefaultAzureCredential) when no connection string is set.</summary>
    public string? AcsEndpoint { get; set; }

    /// <summary>The ACS phone number (E.164) or alphanumeric sender id messages go out from.</summary>
    public string? From { get; set; }

    public bool DeliveryReports { get; set; }

    /// <summary>Where the development provider appends one JSON line per SMS.</summary>
    public string DevelopmentOutbox { get; set; } = Path.Combine(".artifacts", "sms-outbox.jsonl");
}
