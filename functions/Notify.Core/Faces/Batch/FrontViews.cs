using System.Text.Json.Nodes;
using Notify.Core.Channels;
using Notify.Core.Inbox;
using Notify.Core.Notifications;
using Notify.Core.Preferences;
using Notify.Core.Users;

namespace Notify.Core.Faces.Batch;

/// <summary>
/// The widget's shapes. Channels are named as the widget names them (<c>widget</c>, <c>email</c>, <c>sms</c>); a
/// message is an inbox item, so <c>id</c> is the same number the v3 inbox shows, and <c>readAt</c> is when it
/// stopped counting as unread there (seen).
/// </summary>
public static class FrontViews
{
    public static readonly IReadOnlyList<(string Widget, string Channel, string Mute)> Channels =
    [
        ("widget", DeliveryChannels.InApp, "muteWidget"), ("email", DeliveryChannels.Email, "muteEmail"), ("sms", DeliveryChannels.Sms, "muteSMS"),
    ];

    public static FrontMessageView Message(string userId, InboxItemRow item) => new(
        item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), item.NotificationId, userId,
        item.DataJson is null ? null : JsonNode.Parse(item.DataJson), item.Title, item.Message, item.Icon, item.Url, item.Increment,
        item.CreatedAt, item.SeenAt, item.SeenAt is null ? null : "inbox");

    public static JsonObject User(string userId, UserRow? user)
    {
        var view = BatchProfileFields.View(userId, Profiles.Parse(user?.ProfileJson ?? "{}"));
        var mutes = NotificationMutes.Parse(user?.MutesJson);
        view["preferences"] = new JsonObject(mutes.Notifications.Select(n => KeyValuePair.Create(n, (JsonNode?)Preferences(mutes, n))));
        return view;
    }

    public static JsonObject Preferences(NotificationMutes mutes, string notificationId) =>
        new(Channels.Select(c => KeyValuePair.Create(c.Mute, (JsonNode?)mutes.IsMuted(notificationId, c.Channel))));

    public static FrontNotificationView Notification(Notification n) => new(
        n.Id, n.Name,
        Channels.ToDictionary(c => c.Widget, c => n.Uses(c.Channel)),
        Channels.ToDictionary(c => c.Widget, c => n.Uses(c.Channel) && n.MutableChannels.Contains(c.Channel)));
}
