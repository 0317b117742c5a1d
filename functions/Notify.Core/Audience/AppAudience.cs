using Notify.Core.Topics;

namespace Notify.Core.Audience;

/// <summary>
/// Every user of an app, kept as the member rows of a reserved topic so that a broadcast fans out exactly as
/// a topic send does: sharded over the topic buckets, read page by page, never loaded whole. Topic ids handed
/// out by <see cref="TopicStore"/> start at 1, so no caller can create, list or send to this one, and it has
/// no subscription rows in users' partitions. Users join before their row is written (so no user exists
/// outside it) and leave when deleted, on the user-deletion path.
/// </summary>
public sealed class AppAudience(TopicMemberStore members)
{
    public const int TopicId = 0;

    /// <summary>One member row; repeating it is harmless.</summary>
    public Task JoinAsync(string appId, string userId, CancellationToken ct) =>
        members.SeedMembersAsync(appId, TopicId, [userId], null, 1, ct);

    /// <summary>Member rows for many users, grouped by bucket into transactions; repeating it is harmless.</summary>
    public Task JoinAllAsync(string appId, IReadOnlyCollection<string> userIds, CancellationToken ct) =>
        members.SeedMembersAsync(appId, TopicId, userIds, null, 4, ct);

    public Task LeaveAsync(string appId, string userId, CancellationToken ct) => members.RemoveMemberRowAsync(appId, TopicId, userId, ct);
}
