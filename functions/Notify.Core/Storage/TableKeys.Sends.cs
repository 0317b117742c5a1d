namespace Notify.Core.Storage;

public static partial class TableKeys
{
    /// <summary>Row keys of the <c>sends</c> table, in the send's commit-group partition (<see cref="Send"/>): each starts with the send id.</summary>
    public static class Sends
    {
        /// <summary>The app's webhook took the answer event of this item.</summary>
        public static string AnswerEventReceipt(string sendId, long notificationId) => $"{sendId}|e|{notificationId:D16}";
    }
}
