using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Notify.Core.Storage;
using Notify.Core.Users;

namespace Notify.Core.Inbox;

public enum DeliveryOutcome { Delivered, AlreadyDelivered, NotRendered }

/// <summary>
/// Writes one inbox item, its id row and the user's counters in one entity-group transaction. The
/// item and id rows are added (never upserted), so a second delivery fails with 409 and changes nothing.
/// </summary>
public sealed class InboxWriter(NotifyStorage storage, UserIndexes indexes, IInboxListener listener, TimeProvider clock, ILogger<InboxWriter> logger)
{
    private const int MaxAttempts = 20;
    private TableClient Users => storage.Table(TableNames.Users);

    /// <param name="personalize">
    /// Makes the content for this user from their profile (a template in their locale); null from it means
    /// the content could not be made, and nothing is written.
    /// </param>
    public async Task<DeliveryOutcome> DeliverAsync(
        string appId, string userId, long id, InboxContent content, JsonObject? profile,
        Func<JsonObject, InboxContent?>? personalize, CancellationToken ct)
    {
        var partition = TableKeys.User(appId, userId);
        for (var attempt = 1; ; attempt++)
        {
            var stored = await Users.GetEntityIfExistsAsync<UserRow>(partition, UserRow.Key, cancellationToken: ct);
            var user = stored.HasValue ? stored.Value! : UserRow.New(appId, userId, clock.GetUtcNow());
            user.TotalCount++;
            user.UnseenCount++;
            var profileBefore = user.ProfileJson;
            if (profile is not null)
                MergeInlineProfile(user, profile);
            await indexes.BeforeWriteAsync(appId, userId, !stored.HasValue, profileBefore, user.ProfileJson, ct);
            var itemContent = personalize is null ? content : personalize(Profiles.Parse(user.ProfileJson));
            if (itemContent is null) return DeliveryOutcome.NotRendered;
            var item = NewItem(partition, id, itemContent);
            TableTransactionAction[] actions =
            [
                new(TableTransactionActionType.Add, item),
                new(TableTransactionActionType.Add, new InboxIdRow { PartitionKey = partition, RowKey = InboxIdRow.KeyFor(id), ItemRowKey = item.RowKey }),
                stored.HasValue
                    ? new(TableTransactionActionType.UpdateReplace, user, user.ETag)
                    : new(TableTransactionActionType.Add, user),
            ];
            try
            {
                await Users.SubmitTransactionAsync(actions, ct);
                listener.Written(new InboxWritten(appId, userId, InboxWriteKind.Added, id));
                return DeliveryOutcome.Delivered;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
            {
                if (e.Status == 409 && await IsDeliveredAsync(partition, id, ct))
                    return DeliveryOutcome.AlreadyDelivered;
                // Otherwise the counters changed, or the user appeared, since the read: read again.
            }
        }
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

    private static InboxItemRow NewItem(string partition, long id, InboxContent content) => new()
    {
        PartitionKey = partition,
        RowKey = TableKeys.InboxItem(content.CreatedAt, id),
        Id = id,
        SendId = content.SendId,
        Title = content.Title,
        Message = content.Message,
        Icon = content.Icon,
        Url = content.Url,
        DataJson = content.DataJson,
        Category = content.Category,
        FeedId = content.FeedId,
        CreatedAt = content.CreatedAt,
        NotificationId = content.NotificationId,
        Increment = content.Increment,
        ActionsJson = content.ActionsJson,
    };
}
