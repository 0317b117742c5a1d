using Azure.Data.Tables;
using Notify.Core.Storage;

namespace Notify.Core.Users;

/// <summary>E-mail address (lower-cased) → users whose profile held it. Rows may be stale: readers check the profile.</summary>
public sealed class EmailIndexRow : TableRow
{
    public string UserId { get; set; } = "";
}

/// <summary>
/// Finds users by profile e-mail with one partition read instead of a scan. Rows are written before the
/// profile that holds the address and never removed when it changes, so the index can only hold too
/// much, never too little; <see cref="FindAsync"/> confirms each candidate against the stored profile.
/// </summary>
public sealed class EmailIndex(NotifyStorage storage)
{
    private const int MaxCandidates = 20;
    private TableClient Emails => storage.Table(TableNames.Emails);

    public Task RecordAsync(string appId, string userId, string email, CancellationToken ct) =>
        Emails.UpsertEntityAsync(new EmailIndexRow
        {
            PartitionKey = TableKeys.Email(appId, email), RowKey = TableKeys.Encode(userId), UserId = userId,
        }, TableUpdateMode.Replace, ct);

    /// <summary>The user whose profile holds <paramref name="email"/> now; the earliest created when several do.</summary>
    public async Task<UserRow?> FindAsync(UserStore users, string appId, string email, CancellationToken ct)
    {
        var candidates = new List<string>();
        await foreach (var row in Emails.QueryAsync<EmailIndexRow>(TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Email(appId, email)}"),
            maxPerPage: MaxCandidates, select: [nameof(EmailIndexRow.UserId)], cancellationToken: ct))
        {
            candidates.Add(row.UserId);
            if (candidates.Count == MaxCandidates) break;
        }
        var found = await Task.WhenAll(candidates.Select(u => users.GetAsync(appId, u, ct)));
        return found.OfType<UserRow>()
            .Where(u => string.Equals(Profiles.Email(u.ProfileJson), email, StringComparison.OrdinalIgnoreCase))
            .OrderBy(u => u.Created)
            .FirstOrDefault();
    }
}
