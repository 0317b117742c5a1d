namespace Notify.Core.Storage;

public static partial class TableKeys
{
    /// <summary>
    /// Row keys of the <c>sends</c> table, in the send's commit-group partition (<see cref="Send"/>): sends of one
    /// group share the partition, so the send id leads every key.
    /// </summary>
    public static class Sends
    {
        public static string Send(string sendId) => $"{sendId}|send";

        /// <summary>The range of every row of one send within its group's partition.</summary>
        public static string Prefix(string sendId) => $"{sendId}|";

        public static string End(string sendId) => $"{sendId}}}";

        public static string Chunk(string sendId, int chunk) => $"{sendId}|r|{chunk:D5}";

        public static string Cancelled(string sendId, string userId) => $"{CancelledPrefix(sendId)}{Encode(userId)}";

        public static string CancelledPrefix(string sendId) => $"{sendId}|x|";

        /// <summary>The next page of a topic bucket was queued.</summary>
        public static string Page(string sendId, int topicId, int bucket, int page) => $"{PagePrefix(sendId)}{topicId:D10}|{bucket:D2}|{page:D7}";

        public static string PagePrefix(string sendId) => $"{sendId}|p|";

        /// <summary>A recipient chunk, or a topic bucket's last page, was delivered.</summary>
        public static string ChunkDone(string sendId, int chunk) => $"{DonePrefix(sendId)}c|{chunk:D5}";

        public static string BucketDone(string sendId, int topicId, int bucket) => $"{DonePrefix(sendId)}b|{topicId:D10}|{bucket:D2}";

        public static string DonePrefix(string sendId) => $"{sendId}|f|";

        public static string DoneEnd(string sendId) => $"{sendId}|f}}";

        /// <summary>A notification request's own fields (a request is a send).</summary>
        public static string Request(string requestId) => $"{requestId}|request";

        /// <summary>The app's webhook took the answer event of this item.</summary>
        public static string AnswerEventReceipt(string sendId, long notificationId) => $"{sendId}|e|{notificationId:D16}";
    }
}
