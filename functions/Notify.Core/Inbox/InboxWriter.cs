using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Notify.Core.Storage;
using Notify.Core.Users;

namespace Notify.Core.Inbox;

public enum DeliveryOutcome { Delivered, AlreadyDelivered, NotRendered }

/// <summary>
/// Every write to an inbox item: a new item, an item update, a deletion. Each is one entity-group
/// transaction with its counter change (<see cref="InboxCounters"/>), so no write reads the counters.
/// New item and id rows are added (never upserted): a second delivery fails with 409 and changes nothing.
/// Each committed write is told to the <see cref="IInboxListener"/> (this process's live streams).
/// </summary>
public sealed class InboxWriter(
    NotifyStorage storage, InboxCounters counters, UserIndexes indexes, IInboxListener listener, TimeProvider clock, ILogger<InboxWriter> logger)
{
    private TableClient Users => storage.Table(TableNames.Users);

    /// <param name="personalize">
    /// Makes the content for this user from their profile (a template in their locale); null from it means
    /// the content could not be made, and nothing is written. Only then, or with an inline profile, is the
    /// user row read: otherwise the delivery is one transaction and no read, and the caller has joined the user
    /// to the app's audience (<see cref="UserIndexes.JoinAllAsync"/>), since nothing here knows whether the row is new.
    /// </param>
    public async Task<DeliveryOutcome> DeliverAsync(
        string appId, string userId, long id, InboxContent content, JsonObject? profile,
        Func<JsonObject, InboxContent?>? personalize, CancellationToken ct)
    {
        var partition = TableKeys.User(appId, userId);
        if (profile is null && personalize is null)
        {
            // Creates the user row when missing and leaves an existing one as it is.
            var user = new TableEntity(partition, TableKeys.Users.Profile) { [nameof(UserRow.Identifier)] = userId };
            try
            {
                await Users.SubmitTransactionAsync(NewItem(partition, id, content, new(TableTransactionActionType.UpsertMerge, user)), ct);
                listener.Written(new InboxWritten(appId, userId, InboxWriteKind.Added, id));
                return DeliveryOutcome.Delivered;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                return DeliveryOutcome.AlreadyDelivered;
            }
        }
        return await Optimistic.RetryAsync(async () =>
        {
            var stored = await Users.GetEntityIfExistsAsync<UserRow>(partition, TableKeys.Users.Profile, cancellationToken: ct);
            var user = stored.HasValue ? stored.Value! : UserRow.New(appId, userId, clock.GetUtcNow());
            var profileBefore = user.ProfileJson;
            if (profile is not null)
                MergeInlineProfile(user, profile);
            await indexes.BeforeWriteAsync(appId, userId, !stored.HasValue, profileBefore, user.ProfileJson, ct);
            var itemContent = personalize is null ? content : personalize(Profiles.Parse(user.ProfileJson));
            if (itemContent is null) return DeliveryOutcome.NotRendered;
            TableTransactionAction? userAction = !stored.HasValue ? new(TableTransactionActionType.Add, user)
                : profile is not null ? new(TableTransactionActionType.UpdateReplace, user, user.ETag) : null;
            try
            {
                await Users.SubmitTransactionAsync(NewItem(partition, id, itemContent, userAction), ct);
                listener.Written(new InboxWritten(appId, userId, InboxWriteKind.Added, id));
                return DeliveryOutcome.Delivered;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                if (await IsDeliveredAsync(partition, id, ct)) return DeliveryOutcome.AlreadyDelivered;
                // Otherwise the user appeared since the read (as a 412: the profile changed): read again.
                throw;
            }
        });
    }

    /// <summary>
    /// The one way to change an existing item: reads it (the watermark applied), lets
    /// <paramref name="change"/> edit it and say what that does to the counters (null: nothing to write),
    /// and writes the item under its ETag with that counter change in one transaction, again on conflict.
    /// Returns false when the user has no such item.
    /// </summary>
    public async Task<bool> UpdateItemAsync(string appId, string userId, long id, Func<InboxItemRow, DateTimeOffset, InboxDelta?> change, CancellationToken ct) =>
        await EditAsync(appId, userId, id, InboxWriteKind.Changed, ct, (partition, item, now) =>
        {
            var delta = change(item, now);
            if (delta is null) return null;
            // Recorded even when it counts nothing (a read): the change rows are the inbox version other instances watch.
            return [new(TableTransactionActionType.UpdateReplace, item, item.ETag), InboxCounters.Record(partition, ChangeKey(now), delta.Value, now, item.Category)];
        });

    /// <summary>Deletes an item, keeping its id row as a tombstone so a redelivery cannot bring it back.</summary>
    public async Task<bool> DeleteItemAsync(string appId, string userId, long id, CancellationToken ct) =>
        await EditAsync(appId, userId, id, InboxWriteKind.Deleted, ct, (partition, item, now) =>
        {
            List<TableTransactionAction> actions =
            [
                new(TableTransactionActionType.Delete, item, item.ETag),
                new(TableTransactionActionType.UpdateReplace, InboxIdRow.Tombstone(item, now), ETag.All),
                InboxCounters.Record(partition, ChangeKey(now), InboxChanges.Apply(InboxChange.Deleted, item, now)!.Value, now, item.Category),
            ];
            if (item.Category is { } category)
                actions.Add(new(TableTransactionActionType.Delete, new InboxCategoryRow { PartitionKey = partition, RowKey = TableKeys.InboxCategoryItem(category, item.RowKey) }, ETag.All));
            return actions;
        });

    /// <summary>
    /// The item as its user sees it (the mark-all-seen watermark applied), found through its id row; null when the
    /// user is being deleted or the item is gone. The counters' head and the id row are read together.
    /// </summary>
    public async Task<InboxItemRow?> ReadItemAsync(string partition, long id, CancellationToken ct)
    {
        var head = counters.ReadHeadAsync(partition, ct);
        var idRead = Users.GetEntityIfExistsAsync<InboxIdRow>(partition, InboxIdRow.KeyFor(id), cancellationToken: ct);
        await Task.WhenAll(head, idRead);
        if (head.Result.UserDeleting || !idRead.Result.HasValue || idRead.Result.Value!.Deleted) return null;
        var item = await Users.GetEntityIfExistsAsync<InboxItemRow>(partition, idRead.Result.Value.ItemRowKey, cancellationToken: ct);
        return item.HasValue ? item.Value!.WithWatermark(head.Result.SeenWatermark) : null;
    }

    private async Task<bool> EditAsync(string appId, string userId, long id, InboxWriteKind kind, CancellationToken ct,
        Func<string, InboxItemRow, DateTimeOffset, List<TableTransactionAction>?> edit)
    {
        var partition = TableKeys.User(appId, userId);
        // A conflict means another change won the race: ours applies to the fresh item.
        return await Optimistic.RetryAsync(async () =>
        {
            if (await ReadItemAsync(partition, id, ct) is not { } stored) return false;
            var now = clock.GetUtcNow();
            var actions = edit(partition, stored, now);
            if (actions is null) return true;
            await Users.SubmitTransactionAsync(actions, ct);
            listener.Written(new InboxWritten(appId, userId, kind, id));
            return true;
        }, [404, 412]);
    }

    /// <summary>
    /// Profile fields a send carried inline are merged under the same rules as a profile update. When the
    /// merge is refused (it would outgrow the row, say) the stored profile stays: the notification still lands.
    /// </summary>
    private void MergeInlineProfile(UserRow user, JsonObject profile)
    {
        try
        {
            user.ProfileJson = Profiles.Change(user.ProfileJson, stored => Profiles.MergeInto(stored, profile));
            user.UpdatedAt = clock.GetUtcNow();
        }
        catch (ProfileChangeRejectedException e)
        {
            logger.LogWarning("Inline profile of {UserId} refused ({Errors}); the stored one is kept", user.Identifier, string.Join("; ", e.Errors));
        }
    }

    private async Task<bool> IsDeliveredAsync(string partition, long id, CancellationToken ct) =>
        (await Users.GetEntityIfExistsAsync<InboxIdRow>(partition, InboxIdRow.KeyFor(id), [nameof(InboxIdRow.ItemRowKey)], ct)).HasValue;

    private static string ChangeKey(DateTimeOffset now) => $"{now.UtcTicks:D19}-{Guid.NewGuid():N}";

    /// <summary>The item, its id row, its category row and its counter change: all added, so a repeat conflicts.</summary>
    private List<TableTransactionAction> NewItem(string partition, long id, InboxContent content, TableTransactionAction? userAction)
    {
        var now = clock.GetUtcNow();
        var item = new InboxItemRow
        {
            PartitionKey = partition,
            RowKey = TableKeys.InboxItem(content.CreatedAt, id),
            Id = id,
            SendId = content.SendId,
            Content = content.Content,
            FeedId = content.FeedId,
            CreatedAt = content.CreatedAt,
            NotificationId = content.NotificationId,
            Increment = content.Increment,
            ActionsJson = content.ActionsJson,
            SeenChangedAt = now,
        };
        List<TableTransactionAction> actions =
        [
            new(TableTransactionActionType.Add, item),
            new(TableTransactionActionType.Add, new InboxIdRow { PartitionKey = partition, RowKey = InboxIdRow.KeyFor(id), ItemRowKey = item.RowKey }),
            InboxCounters.Record(partition, $"{id:D16}", new InboxDelta(1, 1), now, content.Content.Category),
        ];
        if (content.Content.Category is { } category)
            actions.Add(new(TableTransactionActionType.Add, new InboxCategoryRow { PartitionKey = partition, RowKey = TableKeys.InboxCategoryItem(category, item.RowKey) }));
        if (userAction is not null) actions.Add(userAction);
        return actions;
    }
}
