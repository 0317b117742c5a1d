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

    public static readonly IReadOnlyList<string> All = [Apps, Users, Sends, NotificationIndex, Catalog, TopicMembers, Schedules, Workflows];
}

public static class QueueNames
{
    public const string Sends = "sends";
    public const string Deliveries = "deliveries";
    public const string TopicPages = "topicpages";

    public static readonly IReadOnlyList<string> All = [Sends, Deliveries, TopicPages];

    public static string Poison(string queue) => queue + "-poison";
}
