using Notify.Core.Feeds;

namespace Notify.Core.Faces.Subscriptions;

/// <summary>A subscription as the seed shows it; times in Unix seconds.</summary>
public sealed record SubscriptionView(string Channel, string Subscriber, string Iuid, bool Mute, long CreatedAt, long UpdatedAt, string Id)
{
    public static SubscriptionView From(SubscriptionRow row) => new(
        row.FeedId, row.SubscriberId, row.Iuid, row.Mute, row.CreatedAt.ToUnixTimeSeconds(), row.UpdatedAt.ToUnixTimeSeconds(), row.Id);
}

/// <summary>A sent notification as the seed shows it; <c>readedAt</c> is 0 until the subscriber reads it.</summary>
public sealed record NotificationView(string Subscription, string Title, string Text, long ReadedAt, long CreatedAt, string Id)
{
    public static NotificationView From(FeedNotification n) => new(
        n.SubscriptionId, n.Title, n.Text, n.ReadAt?.ToUnixTimeSeconds() ?? 0, n.CreatedAt.ToUnixTimeSeconds(), n.Id);
}

/// <summary>A one-time subscription code for a user, as a QR image (data URL) and the link it encodes.</summary>
public sealed record SubscriptionCodeView(string Code, string Qrcode, string DeepLink, string AppUrl);
