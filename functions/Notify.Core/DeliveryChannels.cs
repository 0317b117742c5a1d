namespace Notify.Core;

/// <summary>The delivery channel names of the v3 API, spelled as its clients spell them.</summary>
public static class DeliveryChannels
{
    public const string InApp = "inApp";
    public const string WebPush = "webPush";
    public const string MobilePush = "mobilePush";
    public const string Email = "email";
    public const string Sms = "sms";
    public const string Webhook = "webhook";
    public const string WhatsApp = "whatsapp";
    public const string Slack = "slack";
    public const string Discord = "discord";

    public static readonly IReadOnlyList<string> All = [InApp, WebPush, MobilePush, Email, Sms, Webhook, WhatsApp, Slack, Discord];

    /// <summary>What a send targets when it names no channels. Only the inbox is delivered today.</summary>
    public static readonly IReadOnlyList<string> Default = [InApp];

    /// <summary>The canonical spelling of a channel name, matched without regard to case; null when unknown.</summary>
    public static string? Normalize(string name) =>
        All.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));

    public static string Join(IEnumerable<string> channels) => string.Join(',', channels);

    public static IReadOnlyList<string> Split(string? joined) =>
        string.IsNullOrEmpty(joined) ? [] : joined.Split(',');
}
