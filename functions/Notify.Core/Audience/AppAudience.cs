using Notify.Core.Topics;

namespace Notify.Core.Audience;

/// <summary>
/// Every user of an app, kept as the member rows of a reserved topic so that a broadcast fans out exactly as
/// a topic send does: sharded over the topic buckets, read page by page, never loaded whole. Topic ids handed
/// out by <see cref="TopicStore"/> start at 1, so no caller can create, list or send to this one, and it has
/// no subscription rows in users' partitions. Users join before their row is written and leave when deleted, on the
/// user-deletion path; the races this leaves are told in UserIndexes.
/// </summary>
public sealed class AppAudience(TopicMemberStore members)
{
    public const int TopicId = 0;

    /// <summary>One member row; repeating it is harmless.</summary>
    public Task JoinAsync(string appId, string userId, CancellationToken ct) =>
        members.SeedMembersAsync(appId, TopicId, [userId], null, inAudience: true, 1, ct);

    /// <summary>Member rows for many users, grouped by bucket into transactions; repeating it is harmless.</summary>
    public Task JoinAllAsync(string appId, IReadOnlyCollection<string> userIds, CancellationToken ct) =>
        members.SeedMembersAsync(appId, TopicId, userIds, null, inAudience: true, 4, ct);

    /// <summary>
    /// Adds users to a topic (or replaces their channels), joining them here first, so their member rows say so and
    /// the topic's sends write nothing here: the join is paid once when a member is added, not on every send.
    /// </summary>
    public async Task AddToTopicAsync(string appId, int topicId, IReadOnlyList<TopicMember> added, CancellationToken ct)
    {
        await JoinAllAsync(appId, added.Select(m => m.UserId).ToList(), ct);
        await members.AddAsync(appId, topicId, added, inAudience: true, ct);
    }

    public Task LeaveAsync(string appId, string userId, CancellationToken ct) => members.RemoveMemberRowAsync(appId, TopicId, userId, ct);
}
