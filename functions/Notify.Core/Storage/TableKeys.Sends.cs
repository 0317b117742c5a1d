namespace Notify.Core.Storage;

public static partial class TableKeys
{
    /// <summary>Row keys of the <c>sends</c> table, in the send's partition (<see cref="Send"/>).</summary>
    public static class Sends
    {
        /// <summary>The app's webhook took the answer event of this item.</summary>
        public static string AnswerEventReceipt(long notificationId) => $"e|{notificationId:D16}";
    }
}
