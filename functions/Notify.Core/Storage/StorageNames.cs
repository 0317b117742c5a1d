namespace Notify.Core.Storage;

public static class TableNames
{
    public const string Apps = "apps";
    public const string Users = "users";
    public const string Sends = "sends";
    public const string NotificationIndex = "notificationindex";
    /// <summary>Small app-wide partitions: categories and topic definitions.</summary>
    public const string Catalog = "catalog";
    public const string TopicMembers = "topicmembers";
    public const string Schedules = "schedules";
    public const string Workflows = "workflows";
    /// <summary>Per app and channel rate budgets, and the deliveries waiting for budget or a retry.</summary>
    public const string RateLimits = "ratelimits";
    public const string Waiting = "waiting";
    public const string Templates = "templates";
    /// <summary>Delivery records and their status tallies, per send and user bucket.</summary>
    public const string Deliveries = "deliveries";
    /// <summary>Feeds (the channels API), their subscriptions and codes, subscribers, and settled feed callbacks.</summary>
    public const string Feeds = "feeds";
    public const string FeedSubscriptions = "feedsubscriptions";
    public const string FeedCodes = "feedcodes";
    public const string Subscribers = "subscribers";
    public const string FeedCallbacks = "feedcallbacks";

    public static readonly IReadOnlyList<string> All =
        [Apps, Users, Sends, NotificationIndex, Catalog, TopicMembers, Schedules, Workflows, RateLimits, Waiting, Templates, Deliveries,
        Feeds, FeedSubscriptions, FeedCodes, Subscribers, FeedCallbacks];
}

public static class QueueNames
{
    public const string Sends = "sends";
    public const string Deliveries = "deliveries";
    public const string TopicPages = "topicpages";
    public const string Email = "email";
    public const string Webhook = "webhook";
    public const string FeedCallbacks = "feedcallbacks";
    public const string Sms = "sms";

    public static readonly IReadOnlyList<string> All = [Sends, Deliveries, TopicPages, Email, Webhook, Sms, FeedCallbacks];

    public static string Poison(string queue) => queue + "-poison";
}
