using Azure.Data.Tables;
using Notify.Core.Storage;

namespace Notify.Core.Preferences;

public sealed record PreferenceChange(int CategoryId, string Channel, bool Enabled);

public sealed class PreferenceStore(NotifyStorage storage)
{
    private TableClient Users => storage.Table(TableNames.Users);

    public async Task<UserPreferences> GetAsync(string appId, string userId, CancellationToken ct)
    {
        var row = await ReadAsync(appId, userId, ct);
        return row is null ? UserPreferences.Empty : UserPreferences.FromJson(row.RulesJson);
    }

    /// <summary>Sets the named rules and keeps the others, retrying on the row's ETag when another write got in first.</summary>
    public Task<UserPreferences> SetAsync(string appId, string userId, IReadOnlyList<PreferenceChange> changes, CancellationToken ct) =>
        Optimistic.RetryAsync(async () =>
        {
            var stored = await ReadAsync(appId, userId, ct);
            var preferences = stored is null ? UserPreferences.Empty : UserPreferences.FromJson(stored.RulesJson);
            foreach (var change in changes) preferences.Set(change.CategoryId, change.Channel, change.Enabled);
            var row = stored ?? new PreferenceRow { PartitionKey = TableKeys.User(appId, userId), RowKey = TableKeys.Users.Preferences };
            row.RulesJson = preferences.ToJson();
            await Optimistic.SaveAsync(Users, row, stored is not null, ct);
            return preferences;
        });

    private async Task<PreferenceRow?> ReadAsync(string appId, string userId, CancellationToken ct)
    {
        var row = await Users.GetEntityIfExistsAsync<PreferenceRow>(TableKeys.User(appId, userId), TableKeys.Users.Preferences, cancellationToken: ct);
        return row.HasValue ? row.Value : null;
    }
}
