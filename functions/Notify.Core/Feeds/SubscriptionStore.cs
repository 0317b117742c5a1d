using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Notify.Core.Storage;

namespace Notify.Core.Feeds;

/// <summary>Subscriptions of feeds, keyed by (feed, iuid).</summary>
public sealed class SubscriptionStore(NotifyStorage storage, TimeProvider clock, IOptions<FeedOptions> options)
{
    private TableClient Table => storage.Table(TableNames.FeedSubscriptions);

    public async Task<SubscriptionRow?> GetAsync(string feedId, string iuid, CancellationToken ct)
    {
        var row = await Table.GetEntityIfExistsAsync<SubscriptionRow>(
            TableKeys.Feeds.SubscriptionPartition(feedId, iuid), TableKeys.Feeds.Subscription(iuid), cancellationToken: ct);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>Adds the subscription, or returns the one already there: one (feed, iuid) has one subscription.</summary>
    public Task<(SubscriptionRow Subscription, bool Created)> AddAsync(FeedRow feed, string iuid, string subscriberId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var row = new SubscriptionRow
        {
            PartitionKey = TableKeys.Feeds.SubscriptionPartition(feed.Id, iuid),
            RowKey = TableKeys.Feeds.Subscription(iuid),
            Id = FeedIds.New(),
            FeedId = feed.Id,
            AppId = feed.AppId,
            Iuid = iuid,
            SubscriberId = subscriberId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        return Optimistic.RetryAsync(async () =>
        {
            try
            {
                await Table.AddEntityAsync(row, ct);
                return (row, true);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // Read it back; it may be removed again in between, in which case the add is worth another try.
                if (await GetAsync(feed.Id, iuid, ct) is { } existing) return (existing, false);
                throw;
            }
        });
    }

    /// <summary>Sets mute under the row's ETag; null when the subscription is gone.</summary>
    /// <remarks>A push or another mute that changed the row meanwhile makes the change apply again to the fresh row.</remarks>
    public Task<SubscriptionRow?> SetMuteAsync(string feedId, string iuid, string subscriptionId, bool mute, CancellationToken ct) =>
        Optimistic.RetryAsync(async () =>
        {
            var row = await GetAsync(feedId, iuid, ct);
            if (row is null || row.Id != subscriptionId) return null;
            if (row.Mute == mute) return row;
            row.Mute = mute;
            row.UpdatedAt = clock.GetUtcNow();
            await Optimistic.SaveAsync(Table, row, existed: true, ct);
            return row;
        }, ChangedOrGone);

    /// <summary>Removes the subscription if it is still this one; false when it was already gone.</summary>
    public Task<bool> DeleteAsync(string feedId, string iuid, string subscriptionId, CancellationToken ct) =>
        Optimistic.RetryAsync(async () =>
        {
            var row = await GetAsync(feedId, iuid, ct);
            if (row is null || row.Id != subscriptionId) return false;
            await Table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, ct);
            return true;
        }, ChangedOrGone);

    /// <summary>A subscription row changed (a push, a mute) or removed meanwhile: read it again.</summary>
    private static readonly int[] ChangedOrGone = [404, 412];

    /// <summary>Tells open pages of this subscription that something new arrived. A subscription removed meanwhile needs no telling.</summary>
    public async Task MarkPushedAsync(SubscriptionRow subscription, CancellationToken ct)
    {
        var change = new TableEntity(subscription.PartitionKey, subscription.RowKey) { [nameof(SubscriptionRow.PushedAt)] = clock.GetUtcNow() };
        try
        {
            await Table.UpdateEntityAsync(change, ETag.All, TableUpdateMode.Merge, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Unsubscribed between the send and this mark.
        }
    }

    /// <summary>
    /// Every subscription of the feed, a storage page at a time, bucket after bucket: memory holds one page
    /// whatever the audience.
    /// </summary>
    public async IAsyncEnumerable<SubscriptionRow> StreamAsync(string feedId, [EnumeratorCancellation] CancellationToken ct)
    {
        for (var bucket = 0; bucket < TableKeys.Feeds.SubscriptionBuckets; bucket++)
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Feeds.SubscriptionPartition(feedId, bucket)}");
            await foreach (var row in Table.QueryAsync<SubscriptionRow>(filter, maxPerPage: options.Value.ListPageSize, cancellationToken: ct))
                yield return row;
        }
    }
}
