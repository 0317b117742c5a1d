using Notify.Core.Audience;

namespace Notify.Core.Users;

/// <summary>
/// Keeps what finds users from outside their partition current: the app-wide audience and the e-mail index.
/// Both are written before the user row they describe, by every path that writes user rows (<see cref="UserStore"/>,
/// and the inbox writer for users a delivery creates), so neither can miss a user; stale entries are
/// harmless (deletion leaves the audience, and e-mail lookups confirm against the profile). A new user costs one
/// member-row write; an existing one whose e-mail did not change costs nothing.
/// </summary>
public sealed class UserIndexes(AppAudience audience, EmailIndex emails)
{
    public async Task BeforeWriteAsync(string appId, string userId, bool created, string? profileBefore, string profileAfter, CancellationToken ct)
    {
        if (created) await audience.JoinAsync(appId, userId, ct);
        await BeforeProfileChangeAsync(appId, userId, created ? null : profileBefore, profileAfter, ct);
    }

    /// <summary>Indexes the profile's e-mail when it is new or changed; an unchanged profile costs nothing.</summary>
    private async Task BeforeProfileChangeAsync(string appId, string userId, string? profileBefore, string profileAfter, CancellationToken ct)
    {
        if (profileBefore == profileAfter) return;
        if (Profiles.Email(profileAfter) is { } email && !string.Equals(Profiles.Email(profileBefore), email, StringComparison.OrdinalIgnoreCase))
            await emails.RecordAsync(appId, userId, email, ct);
    }

    /// <summary>Joins many users at once, a transaction per audience bucket, for deliveries that write user rows without reading them.</summary>
    public Task JoinAllAsync(string appId, IReadOnlyCollection<string> userIds, CancellationToken ct) =>
        userIds.Count == 0 ? Task.CompletedTask : audience.JoinAllAsync(appId, userIds, ct);

    public Task LeaveAsync(string appId, string userId, CancellationToken ct) => audience.LeaveAsync(appId, userId, ct);
}
