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
    /// <summary>Profile e-mail → users, per app and address.</summary>
    public const string Emails = "emails";
    /// <summary>Notification requests of the status API, newest first per app.</summary>
    public const string Requests = "requests";

    public static readonly IReadOnlyList<string> All =
        [Apps, Users, Sends, NotificationIndex, Catalog, TopicMembers, Schedules, Workflows, RateLimits, Waiting, Templates, Deliveries,
        Feeds, FeedSubscriptions, FeedCodes, Subscribers, FeedCallbacks, Emails, Requests];
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
    public const string UserDeletions = "userdeletions";
    public const string RequestDeletions = "requestdeletions";
    /// <summary>Answers to items, on their way to the app's webhook.</summary>
    public const string AnswerEvents = "answerevents";

    public static readonly IReadOnlyList<string> All = [Sends, Deliveries, TopicPages, Email, Webhook, Sms, FeedCallbacks, UserDeletions, RequestDeletions, AnswerEvents];

    /// <summary>The channel queues, each with a failed-deliveries queue beside its poison queue.</summary>
    public static readonly IReadOnlyList<string> Channels = [Email, Webhook, Sms];

    /// <summary>Where the host moves a message after its last dequeue, unchanged.</summary>
    public static string Poison(string queue) => queue + "-poison";

    /// <summary>Channel deliveries that failed after their last attempt (<c>FailedChannelDelivery</c>), apart from the raw poison messages.</summary>
    public static string Failed(string channelQueue) => channelQueue + "-failed";

    /// <summary>Every queue the service creates: each pipeline queue, its poison queue, and the channels' failed-deliveries queues.</summary>
    public static IEnumerable<string> Everything() =>
        All.SelectMany(q => new[] { q, Poison(q) }).Concat(Channels.Select(Failed));
}
