namespace Notify.Core.Inbox;

public enum InboxWriteKind { Added, Changed, Deleted, AllSeen }

/// <summary>A write to one user's inbox that this process just committed.</summary>
public sealed record InboxWritten(string AppId, string UserId, InboxWriteKind Kind, long? ItemId);

/// <summary>
/// Told of every inbox write this process commits, after it committed, so live streams here can pass it on at once
/// (streams elsewhere see it through the inbox version). It must return quickly and never throw.
/// </summary>
public interface IInboxListener
{
    void Written(InboxWritten written);
}
