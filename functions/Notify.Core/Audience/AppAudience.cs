using Notify.Core.Topics;

namespace Notify.Core.Audience;

/// <summary>
/// Every user of an app, kept as the members of a reserved topic so that a broadcast fans out exactly as a
/// topic send does: sharded over the topic buckets, read page by page, never loaded whole. Topic ids handed
/// out by <see cref="TopicStore"/> start at 1, so the reserved id names no topic a caller can create, list
/// or send to. A user joins when their row is created; deleting a user removes their memberships, this one
/// included (<see cref="Users.UserStore.DeleteAsync"/>).
/// </summary>
public sealed class AppAudience(TopicMemberStore members)
{
    public const int TopicId = 0;

    /// <summary>Repeating it is harmless, so it runs before the user row is written: a user never exists outside the audience.</summary>
    public Task JoinAsync(string appId, string userId, CancellationToken ct) =>
        members.AddAsync(appId, TopicId, [new TopicMember(userId, null)], ct);
}
