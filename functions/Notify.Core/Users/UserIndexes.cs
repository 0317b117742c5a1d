using System.Collections.Concurrent;
using Notify.Core.Audience;

namespace Notify.Core.Users;

/// <summary>
/// Keeps what finds users from outside their partition current: the app-wide audience and the e-mail index.
/// Both are written before the user row they describe, by every path that writes user rows (<see cref="UserStore"/>,
/// and the inbox writer for users a delivery creates), so neither can miss a user; stale entries are
/// harmless (deletion leaves the audience, and e-mail lookups confirm against the profile). A new user costs one
/// member-row write; an existing one whose e-mail did not change costs nothing.
/// </summary>
public sealed class UserIndexes(AppAudience audience, EmailIndex emails, TimeProvider clock)
{
    /// <summary>
    /// How long this instance trusts that a user it joined is still in the audience. Deletion removes the user
    /// from here at once; a deletion on another instance followed by a new delivery within this time is one case a
    /// broadcast could miss, so it stays short. The other: a user added to a topic while their deletion runs keeps a
    /// member row marked as joined, which the topic's sends trust, until a delivery of another kind joins them again.
    /// </summary>
    private static readonly TimeSpan JoinedLifetime = TimeSpan.FromMinutes(5);
    private const int MaxRemembered = 100_000;
    private readonly ConcurrentDictionary<(string App, string User), DateTimeOffset> joined = new();

    public async Task BeforeWriteAsync(string appId, string userId, bool created, string? profileBefore, string profileAfter, CancellationToken ct)
    {
        if (created) await audience.JoinAsync(appId, userId, ct);
        await BeforeProfileChangeAsync(appId, userId, created ? null : profileBefore, profileAfter, ct);
    }

    /// <summary>
    /// Joins many users at once, a transaction per audience bucket, for deliveries that write user rows without
    /// reading them; users this instance joined lately are skipped, so a user who is sent to often costs nothing.
    /// </summary>
    public async Task JoinAllAsync(string appId, IReadOnlyCollection<string> userIds, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var unknown = userIds.Where(u => !joined.TryGetValue((appId, u), out var until) || until <= now).ToList();
        if (unknown.Count == 0) return;
        await audience.JoinAllAsync(appId, unknown, ct);
        if (joined.Count + unknown.Count > MaxRemembered) joined.Clear();
        foreach (var userId in unknown) joined[(appId, userId)] = now + JoinedLifetime;
    }

    /// <summary>Indexes the profile's e-mail when it is new or changed; an unchanged profile costs nothing.</summary>
    private async Task BeforeProfileChangeAsync(string appId, string userId, string? profileBefore, string profileAfter, CancellationToken ct)
    {
        if (profileBefore == profileAfter) return;
        if (Profiles.Email(profileAfter) is { } email && !string.Equals(Profiles.Email(profileBefore), email, StringComparison.OrdinalIgnoreCase))
            await emails.RecordAsync(appId, userId, email, ct);
    }

    public Task LeaveAsync(string appId, string userId, CancellationToken ct)
    {
        joined.TryRemove((appId, userId), out _);
        return audience.LeaveAsync(appId, userId, ct);
    }
}
