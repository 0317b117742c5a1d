using Azure.Data.Tables;
using Notify.Core.Storage;

namespace Notify.Core.Inbox;

/// <summary>Which inbox item a stack of messages (user, notification, increment id) lands on, how many it holds and since when.</summary>
public sealed class InboxStackRow : TableRow
{
    public long ItemId { get; set; }
    public int Count { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    /// <summary>The message that last counted, so the same message sent again (a retry) does not count twice.</summary>
    public string LastMessage { get; set; } = "";
}

/// <summary>
/// Stacks messages that share (user, notification, increment id) within the stack timeout onto one inbox item.
/// The stack row in the user's partition is the one place that decides, under its ETag: the first message (or the
/// first after the timeout) starts a stack on a new item, every other one counts up and restacks that item. Two
/// racing messages of one stack therefore end as one item whose count is 2.
/// </summary>
public sealed class InboxStacks(NotifyStorage storage, InboxStore inbox, InboxWriter writer, TimeProvider clock)
{
    private TableClient Users => storage.Table(TableNames.Users);

    /// <param name="message">Identifies the message: the same message again finds its count instead of adding one.</param>
    /// <param name="newItemId">The item a new stack starts on (derived from the message, so a repeat finds it).</param>
    /// <param name="render">The item's content for a given stack count.</param>
    /// <returns>The item that holds the message and the stack's count.</returns>
    public Task<(long ItemId, int Count)> AddAsync(string appId, string userId, string notificationId, string incrementId, string message,
        long newItemId, TimeSpan timeout, Func<int, InboxContent> render, CancellationToken ct)
    {
        var partition = TableKeys.User(appId, userId);
        var key = TableKeys.Users.Stack(notificationId, incrementId);
        // A conflict means another message of this stack decided first: decide again on what it left.
        return Optimistic.RetryAsync(async () =>
        {
            var stored = await Users.GetEntityIfExistsAsync<InboxStackRow>(partition, key, cancellationToken: ct);
            var stack = stored.HasValue ? stored.Value! : null;
            var now = clock.GetUtcNow();
            if (stack?.LastMessage == message)
            {
                await PutOnItemAsync(appId, userId, stack.ItemId, render(stack.Count), ct);
                return (stack.ItemId, stack.Count);
            }
            if (stack is null || now - stack.StartedAt >= timeout || await inbox.IsDeletedAsync(appId, userId, stack.ItemId, ct))
            {
                var fresh = new InboxStackRow { PartitionKey = partition, RowKey = key, ItemId = newItemId, Count = 1, StartedAt = now, LastMessage = message, ETag = stack?.ETag ?? default };
                await Optimistic.SaveAsync(Users, fresh, stack is not null, ct);
                await writer.DeliverAsync(appId, userId, newItemId, render(1), null, null, ct);
                return (newItemId, 1);
            }
            stack.Count++;
            stack.LastMessage = message;
            await Optimistic.SaveAsync(Users, stack, existed: true, ct);
            await PutOnItemAsync(appId, userId, stack.ItemId, render(stack.Count), ct);
            return (stack.ItemId, stack.Count);
        });
    }

    /// <summary>
    /// The stack's first message may not have written its item yet: then this one writes it with its own, newer
    /// content, and the first finds it delivered. Once it exists, a restack applies only if it is the newest.
    /// </summary>
    private async Task PutOnItemAsync(string appId, string userId, long itemId, InboxContent content, CancellationToken ct)
    {
        if (await inbox.RestackAsync(appId, userId, itemId, content, ct)) return;
        if (await writer.DeliverAsync(appId, userId, itemId, content, null, null, ct) == DeliveryOutcome.AlreadyDelivered)
            await inbox.RestackAsync(appId, userId, itemId, content, ct);
    }
}
