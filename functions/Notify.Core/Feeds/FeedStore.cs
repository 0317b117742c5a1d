using System.Runtime.CompilerServices;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Notify.Core.Apps;
using Notify.Core.Channels.Webhooks;
using Notify.Core.Storage;

namespace Notify.Core.Feeds;

/// <summary>Feeds and the per-app index that lists them.</summary>
public sealed class FeedStore(NotifyStorage storage, TimeProvider clock)
{
    private TableClient Table => storage.Table(TableNames.Feeds);

    public async Task<FeedRow> CreateAsync(string appId, string name, string? callbackUrl, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var feed = new FeedRow
        {
            PartitionKey = FeedIds.New(),
            RowKey = TableKeys.Feeds.Feed,
            AppId = appId,
            Name = name,
            CallbackUrl = callbackUrl,
            CreatedAt = now,
            UpdatedAt = now,
        };
        NewKey(feed);
        NewCallbackSecrets(feed);
        await Table.AddEntityAsync(new FeedIndexRow { PartitionKey = TableKeys.Feeds.AppFeeds(appId), RowKey = feed.Id }, ct);
        await Table.AddEntityAsync(feed, ct);
        return feed;
    }

    public async Task<FeedRow?> GetAsync(string feedId, CancellationToken ct)
    {
        if (!FeedIds.IsValid(feedId)) return null;
        var row = await Table.GetEntityIfExistsAsync<FeedRow>(FeedIds.Normalize(feedId), TableKeys.Feeds.Feed, cancellationToken: ct);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>A feed of this app; another app's feed is as absent as a missing one.</summary>
    public async Task<FeedRow?> GetAsync(string appId, string feedId, CancellationToken ct) =>
        await GetAsync(feedId, ct) is { } feed && feed.AppId == appId ? feed : null;

    public async IAsyncEnumerable<FeedRow> ListAsync(string appId, [EnumeratorCancellation] CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Feeds.AppFeeds(appId)}");
        await foreach (var page in Table.QueryAsync<FeedIndexRow>(filter, maxPerPage: 100, select: ["RowKey"], cancellationToken: ct).AsPages())
            foreach (var feed in await Task.WhenAll(page.Values.Select(index => GetAsync(appId, index.RowKey, ct))))
                if (feed is not null) yield return feed;
    }

    /// <summary>Saves a changed feed under its ETag; 412 when another request changed it first.</summary>
    public async Task<FeedRow> UpdateAsync(FeedRow feed, CancellationToken ct)
    {
        feed.UpdatedAt = clock.GetUtcNow();
        var response = await Table.UpdateEntityAsync(feed, feed.ETag, TableUpdateMode.Replace, ct);
        feed.ETag = response.Headers.ETag ?? default;
        return feed;
    }

    /// <summary>
    /// Removes the feed; its subscriptions stay behind unreachable (every path to them starts from the feed, and a
    /// new feed never reuses an id).
    /// </summary>
    public async Task DeleteAsync(FeedRow feed, CancellationToken ct)
    {
        await Table.DeleteEntityAsync(feed.PartitionKey, feed.RowKey, ETag.All, ct);
        await Table.DeleteEntityAsync(TableKeys.Feeds.AppFeeds(feed.AppId), feed.Id, ETag.All, ct);
    }

    public static void NewKey(FeedRow feed) => feed.ApiKey = Secrets.RandomString(40);

    public static void NewCallbackSecrets(FeedRow feed)
    {
        feed.CallbackCredential = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{feed.Id}:{Secrets.RandomString(32)}"));
        feed.CallbackSigningSecret = StandardWebhookSigner.GenerateSecret();
    }
}
