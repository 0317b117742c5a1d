namespace Notify.Core.Storage;

public static partial class TableKeys
{
    /// <summary>Row keys of the <c>users</c> table, in the user's partition (<see cref="User"/>).</summary>
    public static class Users
    {
        /// <summary>The user's profile and state row.</summary>
        public const string Profile = "user";

        public const string Preferences = "prefs";

        public static string Device(string deviceId) => $"dv|{Encode(deviceId)}";

        /// <summary>A stack of the batch API: notification and increment id are caller strings of any length, so they are digested.</summary>
        public static string Stack(string notificationId, string incrementId) => "k|" + Digest(notificationId + "\n" + incrementId);
    }
}
