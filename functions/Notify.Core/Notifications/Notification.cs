using Notify.Core.Channels;
using Notify.Core.Templates;

namespace Notify.Core.Notifications;

/// <summary>
/// A template seen as a notification: the channels it notifies on, its content per channel and language, how
/// long messages with one increment id stack into one inbox item, and which channels a user may mute. A template
/// stored without those settings notifies on the channels it has content for, and every one may be muted.
/// </summary>
public sealed record Notification(
    string Id, string Name, IReadOnlyList<string> Channels, TimeSpan StackTimeout, IReadOnlyList<string> MutableChannels, Template Template)
{
    /// <summary>The channels a notification can use, in the v3 spelling.</summary>
    public static readonly IReadOnlyList<string> Supported = [DeliveryChannels.InApp, DeliveryChannels.Email, DeliveryChannels.Sms];

    public static readonly TimeSpan DefaultStackTimeout = TimeSpan.FromHours(1);

    public static Notification From(TemplateRow row)
    {
        var template = row.ToTemplate();
        var channels = row.Channels is null
            ? Supported.Where(c => template.Locales.Values.Any(l => l.Has(TemplateChannelOf(c)))).ToList()
            : DeliveryChannels.Split(row.Channels);
        var stack = row.StackTimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : DefaultStackTimeout;
        var mutable = row.MutableChannels is null ? channels : DeliveryChannels.Split(row.MutableChannels);
        return new Notification(row.Identifier, row.Name, channels, stack, mutable, template);
    }

    public bool Uses(string channel) => Channels.Contains(channel);

    public static TemplateChannel TemplateChannelOf(string channel) => channel switch
    {
        DeliveryChannels.Email => TemplateChannel.Email,
        DeliveryChannels.Sms => TemplateChannel.Sms,
        _ => TemplateChannel.InApp,
    };
}
