namespace Notify.Core.Storage;

public static partial class TableKeys
{
    /// <summary>Row keys of the <c>deliveries</c> table, in the send's user-bucket partitions (<see cref="Deliveries"/>): records, tallies, open receipts.</summary>
    public static class DeliveryRecords
    {
        public static string Record(string userId, string channel) => $"{RecordPrefix}{Encode(userId)}|{channel}";

        public const string RecordPrefix = "d|";
        public const string RecordEnd = "d}";

        /// <summary>A status tally change; <paramref name="unique"/> keeps each change its own row.</summary>
        public static string Tally(string unique) => $"{TallyPrefix}{unique}";

        public const string TallyPrefix = "t|";
        /// <summary>The partition's folded tally: the prefix itself, so it sorts before the change rows.</summary>
        public const string TallyFolded = TallyPrefix;
        public const string TallyEnd = "t}";

        /// <summary>The user opened the send's item (an item that asks for an answer), beside the user's delivery records.</summary>
        public static string Opened(string userId) => $"{OpenedPrefix}{Encode(userId)}";

        public const string OpenedPrefix = "o|";
        public const string OpenedEnd = "o}";
    }
}
