namespace Notify.Core.Storage;

public static class TableNames
{
    public const string Apps = "apps";
    public const string Users = "users";
    public const string Sends = "sends";
    public const string NotificationIndex = "notificationindex";

    public static readonly IReadOnlyList<string> All = [Apps, Users, Sends, NotificationIndex];
}

public static class QueueNames
{
    public const string Sends = "sends";
    public const string Deliveries = "deliveries";

    public static readonly IReadOnlyList<string> All = [Sends, Deliveries];

    public static string Poison(string queue) => queue + "-poison";
}
