namespace Notify.Core.Channels.Email;

public enum EmailProvider
{
    Smtp,
    Acs,
}

/// <summary>Settings of the email channel, bound from <c>Notify:Email</c>.</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Notify:Email";

    public EmailProvider Provider { get; set; } = EmailProvider.Smtp;

    /// <summary><c>endpoint=https://…/;accesskey=…</c>; HMAC auth. Takes precedence over <see cref="AcsEndpoint"/>.</summary>
    public string? AcsConnectionString { get; set; }

    /// <summary>Resource endpoint used with Entra ID (DefaultAzureCredential) when no connection string is set.</summary>
    public string? AcsEndpoint { get; set; }

    /// <summary>ACS opens and clicks tracking; off by default because recipients did not ask to be tracked.</summary>
    public bool AcsEngagementTracking { get; set; }

    /// <summary>Defaults suit a local SMTP catcher, so a host starts without email settings.</summary>
    public string SenderAddress { get; set; } = "notify@localhost";
    public string? SenderName { get; set; }

    public string? SmtpHost { get; set; } = "localhost";
    public int SmtpPort { get; set; } = 25;
    public bool SmtpUseTls { get; set; }
    public string? SmtpUserName { get; set; }
    public string? SmtpPassword { get; set; }

    /// <summary>The default From mailbox for messages that do not override it.</summary>
    public EmailAddress Sender => new(SenderAddress, SenderName);
}
