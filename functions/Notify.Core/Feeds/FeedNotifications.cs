using Azure.Data.Tables;
using Notify.Core.Content;
using Notify.Core.Inbox;
using Notify.Core.Storage;
using Notify.Core.Users;

namespace Notify.Core.Feeds;

/// <summary>A notification sent through a feed, as its subscriber and the sending backend see it.</summary>
public sealed record FeedNotification(string Id, string SubscriptionId, string Title, string Text, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    public static FeedNotification From(InboxItemRow item, string subscriptionId) =>
        new(item.SendId, subscriptionId, item.Title ?? "", item.Message ?? "", item.CreatedAt, item.ClickedAt);
}

public sealed record FeedNotificationPage(IReadOnlyList<FeedNotification> Items, string? Next);

/// <summary>
/// Feed notifications live in the subscriber's inbox: the iuid is the app's user id, and one user has one inbox
/// whichever face wrote to it. Each is an inbox item marked with its feed, so the v3 inbox lists it, its counters
/// count it, and reading it on the subscriber page is the same change as a v3 click (<c>readedAt</c> = read time).
/// </summary>
public sealed class FeedNotifications(
    InboxWriter writer, InboxStore inbox, SubscriptionStore subscriptions, UserIndexes indexes, NotifyStorage storage, TimeProvider clock)
{
    private TableClient Users => storage.Table(TableNames.Users);

    /// <summary>Stores the notification; pushes it to open pages unless the subscription is muted.</summary>
    public async Task<FeedNotification> SendAsync(SubscriptionRow subscription, string title, string text, CancellationToken ct)
    {
        var id = FeedIds.New();
        var content = new InboxContent(id, clock.GetUtcNow(), new NotificationContent(title, text), subscription.FeedId);
        // The write may create the subscriber's user row without reading it, so it cannot tell a new user: join first.
        await indexes.JoinAllAsync(subscription.AppId, [subscription.Iuid], ct);
        await writer.DeliverAsync(subscription.AppId, subscription.Iuid, ItemId(subscription, id), content, null, null, ct);
        if (!subscription.Mute) await subscriptions.MarkPushedAsync(subscription, ct);
        return new FeedNotification(id, subscription.Id, title, text, content.CreatedAt, null);
    }

    /// <summary>The subscription's notifications, newest first; <paramref name="after"/> continues where a page ended.</summary>
    public async Task<FeedNotificationPage> ListAsync(SubscriptionRow subscription, int limit, string? after, CancellationToken ct)
    {
        var partition = TableKeys.User(subscription.AppId, subscription.Iuid);
        var from = after is { Length: > 0 } && after.StartsWith(TableKeys.InboxItemPrefix, StringComparison.Ordinal) ? after : "";
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey gt {from} and RowKey ge {TableKeys.InboxItemPrefix} and RowKey lt {TableKeys.InboxItemEnd} and FeedId eq {subscription.FeedId}");
        var items = new List<InboxItemRow>(limit);
        await foreach (var item in Users.QueryAsync<InboxItemRow>(filter, maxPerPage: Math.Min(1000, limit + 1), cancellationToken: ct))
        {
            if (items.Count == limit) return new FeedNotificationPage(Views(items, subscription), items[^1].RowKey);
            items.Add(item);
        }
        return new FeedNotificationPage(Views(items, subscription), null);
    }

    /// <summary>Marks the notification read (once: a second read keeps the first time); null when it is not this feed's.</summary>
    public async Task<FeedNotification?> MarkReadAsync(SubscriptionRow subscription, string notificationId, CancellationToken ct)
    {
        if (!FeedIds.IsValid(notificationId)) return null;
        var id = ItemId(subscription, FeedIds.Normalize(notificationId));
        var item = await inbox.GetAsync(subscription.AppId, subscription.Iuid, id, ct);
        if (item is null || item.FeedId != subscription.FeedId) return null;
        await inbox.ChangeAsync(subscription.AppId, subscription.Iuid, id, InboxChange.Clicked, ct);
        var read = await inbox.GetAsync(subscription.AppId, subscription.Iuid, id, ct);
        return read is null ? null : FeedNotification.From(read, subscription.Id);
    }

    private static long ItemId(SubscriptionRow subscription, string notificationId) =>
        NotificationIds.For(subscription.AppId, notificationId, subscription.Iuid);

    private static List<FeedNotification> Views(List<InboxItemRow> items, SubscriptionRow subscription) =>
        items.ConvertAll(item => FeedNotification.From(item, subscription.Id));
}
