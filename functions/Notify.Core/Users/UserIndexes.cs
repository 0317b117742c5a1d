using Notify.Core.Audience;

namespace Notify.Core.Users;

/// <summary>
/// Keeps what finds users from outside their partition current: the app-wide audience and the e-mail index.
/// Called before a user row is written, by every path that creates users or changes profiles.
/// </summary>
public sealed class UserIndexes(AppAudience audience, EmailIndex emails)
{
    public async Task BeforeWriteAsync(string appId, string userId, bool created, string? profileBefore, string profileAfter, CancellationToken ct)
    {
        if (created) await audience.JoinAsync(appId, userId, ct);
        if (!created && profileBefore == profileAfter) return;
        if (Profiles.Email(profileAfter) is { } email && (created || !string.Equals(Profiles.Email(profileBefore), email, StringComparison.OrdinalIgnoreCase)))
            await emails.RecordAsync(appId, userId, email, ct);
    }
}
