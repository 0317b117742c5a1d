using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Notify.Core.Storage;

namespace Notify.Core.Users;

/// <summary>The user is being deleted: their rows are going, and they cannot be changed until that finished.</summary>
public sealed class UserBeingDeletedException(string userId) : Exception($"User {userId} is being deleted.");

/// <summary>Users and their profiles. Deleting only marks the user; <c>UserDeletionHandler</c> removes their rows in pages.</summary>
public sealed class UserStore(NotifyStorage storage, UserIndexes indexes, TimeProvider clock)
{
    private TableClient Users => storage.Table(TableNames.Users);

    /// <summary>The user, or null when there is none or they are being deleted.</summary>
    public async Task<UserRow?> GetAsync(string appId, string userId, CancellationToken ct) =>
        await ReadAsync(appId, userId, ct) is { Deleting: false } user ? user : null;

    /// <summary>The user's row as stored, deleting or not.</summary>
    public async Task<UserRow?> ReadAsync(string appId, string userId, CancellationToken ct)
    {
        var row = await Users.GetEntityIfExistsAsync<UserRow>(TableKeys.User(appId, userId), TableKeys.Users.Profile, cancellationToken: ct);
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
    /// <exception cref="UserBeingDeletedException">The user is being deleted.</exception>
    public Task<UserRow> UpdateAsync(string appId, string userId, Action<UserRow> change, CancellationToken ct) =>
        WriteAsync(appId, userId, change, ct);

    /// <summary>Read-modify-write of the profile with the row's ETag, retried when another write (a delivery moving the counters, say) got in first.</summary>
    /// <exception cref="UserBeingDeletedException">The user is being deleted.</exception>
    public Task<UserRow> UpdateProfileAsync(string appId, string userId, Func<string, string> change, CancellationToken ct) =>
        WriteAsync(appId, userId, user => user.ProfileJson = change(user.ProfileJson), ct);

    private Task<UserRow> WriteAsync(string appId, string userId, Action<UserRow> change, CancellationToken ct) =>
        Optimistic.RetryAsync(async () =>
        {
            var stored = await ReadAsync(appId, userId, ct);
            if (stored is { Deleting: true }) throw new UserBeingDeletedException(userId);
            var user = stored ?? UserRow.New(appId, userId, clock.GetUtcNow());
            user.CreatedAt = user.Created;
            var before = user.ProfileJson;
            change(user);
            user.UpdatedAt = clock.GetUtcNow();
            await indexes.BeforeWriteAsync(appId, userId, stored is null, before, user.ProfileJson, ct);
            if (stored is null) await Users.AddEntityAsync(user, ct);
            else await Users.UpdateEntityAsync(user, user.ETag, TableUpdateMode.Replace, ct);
            return user;
        });

    /// <summary>Marks the user deleted, which hides them from every API at once.</summary>
    /// <param name="alongside">A row change in the user's partition made in the same transaction (the inbox hiding itself).</param>
    /// <returns>False when there is no such user (or they are being deleted already).</returns>
    public Task<bool> MarkDeletingAsync(string appId, string userId, Func<string, TableTransactionAction> alongside, CancellationToken ct) =>
        Optimistic.RetryAsync(async () =>
        {
            var user = await ReadAsync(appId, userId, ct);
            if (user is null || user.Deleting) return false;
            user.Deleting = true;
            await Users.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.UpdateReplace, user, user.ETag),
                alongside(user.PartitionKey),
            ], ct);
            return true;
        }, [412]);
}
