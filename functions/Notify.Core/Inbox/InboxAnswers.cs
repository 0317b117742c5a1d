using Azure;
using Azure.Data.Tables;
using Notify.Core.Storage;
using Notify.Core.Users;

namespace Notify.Core.Inbox;

public enum AnswerOutcome { Answered, AlreadyAnswered, NotFound }

/// <summary>What became of one delivered item, whether it is still in the inbox or the user deleted it.</summary>
public sealed record ItemState(
    DateTimeOffset? OpenedAt, DateTimeOffset? AnsweredAt, string? AnswerJson, string? DeviceId, DateTimeOffset? DeviceReachedAt, DateTimeOffset? DeletedAt);

/// <summary>
/// Item updates beyond seen and read: the user's one answer, and the first registered device an item was
/// shown on. Each is a read-modify-write of the item under its ETag (an answer through <see cref="InboxWriter.UpdateItemAsync"/>, with its counter change), so concurrent calls settle on one winner.
/// </summary>
public sealed class InboxAnswers(NotifyStorage storage, InboxWriter writer, OpenReceipts receipts, TimeProvider clock)
{
    private TableClient Users => storage.Table(TableNames.Users);

    /// <summary>Records the answer once: the item is opened (read and seen) by it, and a second answer changes nothing.</summary>
    public async Task<(AnswerOutcome Outcome, InboxItemRow? Item)> AnswerAsync(string appId, string userId, long id, string answerJson, CancellationToken ct)
    {
        InboxItemRow? answered = null;
        var alreadyAnswered = false;
        var found = await writer.UpdateItemAsync(appId, userId, id, (item, now) =>
        {
            answered = item;
            alreadyAnswered = item.AnsweredAt is not null;
            if (alreadyAnswered) return null;
            var delta = InboxChanges.Apply(InboxChange.Clicked, item, now) ?? InboxDelta.None;
            item.AnsweredAt = now;
            item.AnswerJson = answerJson;
            return delta;
        }, ct);
        if (!found || answered is null) return (AnswerOutcome.NotFound, null);
        if (alreadyAnswered) return (AnswerOutcome.AlreadyAnswered, answered);
        await receipts.RecordAsync(appId, userId, answered, ct);
        return (AnswerOutcome.Answered, answered);
    }

    /// <summary>The item's state, from the item or, once deleted, from its tombstone; null when it was never delivered.</summary>
    public async Task<ItemState?> ReadStateAsync(string appId, string userId, long id, CancellationToken ct)
    {
        var partition = TableKeys.User(appId, userId);
        var idRow = await Users.GetEntityIfExistsAsync<InboxIdRow>(partition, InboxIdRow.KeyFor(id), cancellationToken: ct);
        if (!idRow.HasValue) return null;
        var tombstone = idRow.Value!;
        if (tombstone.Deleted)
            return new ItemState(tombstone.ClickedAt, tombstone.AnsweredAt, tombstone.AnswerJson, tombstone.DeviceId, tombstone.DeviceReachedAt,
                tombstone.DeletedAt ?? tombstone.Timestamp);
        var item = await Users.GetEntityIfExistsAsync<InboxItemRow>(partition, tombstone.ItemRowKey, cancellationToken: ct);
        return item.HasValue
            ? new ItemState(item.Value!.ClickedAt, item.Value.AnsweredAt, item.Value.AnswerJson, item.Value.DeviceId, item.Value.DeviceReachedAt, null)
            : null;
    }

    /// <summary>Marks items shown on a device, each under the ETag it was read with, so a device recorded meanwhile stays: the first wins.</summary>
    public async Task MarkShownAsync(IEnumerable<InboxItemRow> items, string deviceId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await Task.WhenAll(items.Select(async item =>
        {
            try
            {
                await Users.UpdateEntityAsync(new TableEntity(item.PartitionKey, item.RowKey)
                {
                    [nameof(InboxItemRow.DeviceId)] = deviceId,
                    [nameof(InboxItemRow.DeviceReachedAt)] = now,
                }, item.ETag, TableUpdateMode.Merge, ct);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // Changed or deleted since it was read: a later showing records the device.
            }
        }));
    }
}
