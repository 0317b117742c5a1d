using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using Notify.Core.Inbox;
using Notify.Core.Storage;
using Notify.Core.Topics;

namespace Notify.Core.Users;

/// <summary>Users and their profiles. Deleting a user removes the user's whole partition, inbox included.</summary>
public sealed class UserStore(NotifyStorage storage, TimeProvider clock)
{
    private const int MaxAttempts = 20;
    private TableClient Users => storage.Table(TableNames.Users);

    public async Task<UserRow?> GetAsync(string appId, string userId, CancellationToken ct)
    {
        var row = await Users.GetEntityIfExistsAsync<UserRow>(TableKeys.User(appId, userId), UserRow.Key, cancellationToken: ct);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>Creates the user if missing and merges <paramref name="changes"/> into the profile.</summary>
    public Task<UserRow> UpsertAsync(string appId, string userId, JsonObject changes, CancellationToken ct) =>
        UpdateProfileAsync(appId, userId, stored => Profiles.Change(stored, profile => Profiles.MergeInto(profile, changes)), ct);

    /// <summary>
    /// Creates the user if missing and fills the profile fields that are still empty. A user who exists and lacks
    /// nothing costs one read: nothing is written.
    /// </summary>
    public async Task<UserRow> FillProfileAsync(string appId, string userId, JsonObject fields, CancellationToken ct)
    {
        var stored = await GetAsync(appId, userId, ct);
        if (stored is not null && Profiles.Parse(stored.ProfileJson) is var profile
            && JsonNode.DeepEquals(profile, Profiles.FillInto((JsonObject)profile.DeepClone(), fields)))
            return stored;
        return await UpdateProfileAsync(appId, userId, json => Profiles.Change(json, p => Profiles.FillInto(p, fields)), ct);
    }

    /// <summary>Changes what the user row holds beside the profile (mutes), creating the user if missing.</summary>
    public Task<UserRow> UpdateAsync(string appId, string userId, Action<UserRow> change, CancellationToken ct) =>
        WriteAsync(appId, userId, change, ct);

    /// <summary>Read-modify-write of the profile with the row's ETag, retried when another write got in first.</summary>
    public Task<UserRow> UpdateProfileAsync(string appId, string userId, Func<string, string> change, CancellationToken ct) =>
        WriteAsync(appId, userId, user => user.ProfileJson = change(user.ProfileJson), ct);

    private async Task<UserRow> WriteAsync(string appId, string userId, Action<UserRow> change, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await GetAsync(appId, userId, ct);
            var user = stored ?? UserRow.New(appId, userId, clock.GetUtcNow());
            // A delivery creates the row without times of its own.
            if (user.CreatedAt == default) user.CreatedAt = user.Timestamp ?? clock.GetUtcNow();
            change(user);
            user.UpdatedAt = clock.GetUtcNow();
            try
            {
                if (stored is null) await Users.AddEntityAsync(user, ct);
                else await Users.UpdateEntityAsync(user, user.ETag, TableUpdateMode.Replace, ct);
                return user;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another write (a delivery moving the counters, say) got in first.
            }
        }
    }

    public async Task<bool> DeleteAsync(string appId, string userId, CancellationToken ct)
    {
        var partition = TableKeys.User(appId, userId);
        var rows = new List<TableEntity>();
        await foreach (var row in Users.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), select: ["PartitionKey", "RowKey"], cancellationToken: ct))
            rows.Add(row);
        if (!rows.Any(r => r.RowKey == UserRow.Key)) return false;
        await DeleteIndexRowsAsync(appId, rows, ct);
        await DeleteMembershipsAsync(appId, userId, rows, ct);
        // Id rows stay as tombstones, as when one item is deleted: a late redelivery then finds its item
        // delivered already, rather than bringing the user and the item back.
        foreach (var batch in rows.Where(r => r.RowKey != UserRow.Key).Chunk(100))
            await Users.SubmitTransactionAsync(batch.Select(r => r.RowKey.StartsWith("i|", StringComparison.Ordinal)
                ? new TableTransactionAction(TableTransactionActionType.UpdateMerge,
                    new TableEntity(r.PartitionKey, r.RowKey) { [nameof(InboxIdRow.Deleted)] = true }, ETag.All)
                : new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All)), ct);
        // The user row goes last so a failed deletion can be repeated and still find the user.
        await Users.DeleteEntityAsync(partition, UserRow.Key, ETag.All, ct);
        return true;
    }

    /// <summary>Topic member rows live outside the user's partition; left behind, a topic send would bring the user back.</summary>
    private async Task DeleteMembershipsAsync(string appId, string userId, IEnumerable<TableEntity> rows, CancellationToken ct)
    {
        var members = storage.Table(TableNames.TopicMembers);
        var bucket = TableKeys.BucketOf(userId, TopicMemberStore.BucketCount);
        foreach (var row in rows.Where(r => r.RowKey.StartsWith(TopicSubscriptionRow.Prefix, StringComparison.Ordinal)))
            await members.DeleteEntityAsync(TableKeys.TopicBucket(appId, int.Parse(row.RowKey[TopicSubscriptionRow.Prefix.Length..]), bucket),
                TableKeys.Encode(userId), ETag.All, ct);
    }

    private async Task DeleteIndexRowsAsync(string appId, IEnumerable<TableEntity> rows, CancellationToken ct)
    {
        var index = storage.Table(TableNames.NotificationIndex);
        var ids = rows.Where(r => r.RowKey.StartsWith("i|", StringComparison.Ordinal)).Select(r => long.Parse(r.RowKey[2..]));
        foreach (var group in ids.GroupBy(id => TableKeys.NotificationIndex(appId, id)))
            foreach (var batch in group.Chunk(100))
                await index.SubmitTransactionAsync(batch.Select(id => new TableTransactionAction(
                    TableTransactionActionType.Delete, new TableEntity(group.Key, $"{id:D16}"), ETag.All)), ct);
    }
}
