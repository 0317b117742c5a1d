using Azure;
using Azure.Data.Tables;
using Notify.Core.Storage;

namespace Notify.Core.Preferences;

public sealed record PreferenceChange(int CategoryId, string Channel, bool Enabled);

public sealed class PreferenceStore(NotifyStorage storage)
{
    private const int MaxAttempts = 20;
    private TableClient Users => storage.Table(TableNames.Users);

    public async Task<UserPreferences> GetAsync(string appId, string userId, CancellationToken ct)
    {
        var row = await ReadAsync(appId, userId, ct);
        return row is null ? UserPreferences.Empty : UserPreferences.FromJson(row.RulesJson);
    }

    /// <summary>Sets the named rules and keeps the others, retrying on the row's ETag when another write got in first.</summary>
    public async Task<UserPreferences> SetAsync(string appId, string userId, IReadOnlyList<PreferenceChange> changes, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await ReadAsync(appId, userId, ct);
            var preferences = stored is null ? UserPreferences.Empty : UserPreferences.FromJson(stored.RulesJson);
            foreach (var change in changes) preferences.Set(change.CategoryId, change.Channel, change.Enabled);
            var row = stored ?? new PreferenceRow { PartitionKey = TableKeys.User(appId, userId), RowKey = PreferenceRow.Key };
            row.RulesJson = preferences.ToJson();
            try
            {
                if (stored is null) await Users.AddEntityAsync(row, ct);
                else await Users.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, ct);
                return preferences;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another change of this user's preferences won; apply ours to the fresh rules.
            }
        }
    }

    private async Task<PreferenceRow?> ReadAsync(string appId, string userId, CancellationToken ct)
    {
        var row = await Users.GetEntityIfExistsAsync<PreferenceRow>(TableKeys.User(appId, userId), PreferenceRow.Key, cancellationToken: ct);
        return row.HasValue ? row.Value : null;
    }
}
