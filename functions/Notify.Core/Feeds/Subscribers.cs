using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Notify.Core.Apps;
using Notify.Core.Storage;

namespace Notify.Core.Feeds;

/// <summary>A person's browser that claimed codes. Only a hash of its secret is stored.</summary>
public sealed class SubscriberRow : TableRow
{
    public string SecretHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>What a subscriber may reach: one subscription, by id. Kept in the subscriber's partition.</summary>
public sealed class GrantRow : TableRow
{
    public string SubscriptionId { get; set; } = "";
    public string FeedId { get; set; } = "";
    public string Iuid { get; set; } = "";
}

/// <summary>A subscriber's credential, <c>{subscriberId}.{secret}</c>, given once when the subscriber is made.</summary>
public sealed record SubscriberCredential(string SubscriberId, string Value);

/// <summary>Subscribers and their grants. A credential reaches the subscriptions it was granted and no other.</summary>
public sealed class Subscribers(NotifyStorage storage, TimeProvider clock)
{
    private TableClient Table => storage.Table(TableNames.Subscribers);

    public async Task<SubscriberCredential> CreateAsync(CancellationToken ct)
    {
        var id = FeedIds.New();
        var secret = Secrets.RandomString(40);
        await Table.AddEntityAsync(new SubscriberRow
        {
            PartitionKey = id, RowKey = TableKeys.Feeds.SubscriberRow, SecretHash = Hash(secret), CreatedAt = clock.GetUtcNow(),
        }, ct);
        return new SubscriberCredential(id, $"{id}.{secret}");
    }

    /// <summary>The subscriber id the credential proves, or null.</summary>
    public async Task<string?> AuthenticateAsync(string? credential, CancellationToken ct)
    {
        var parts = credential?.Split('.');
        if (parts is not [var id, var secret] || !FeedIds.IsValid(id) || !Secrets.IsWellFormedId(secret)) return null;
        var row = await Table.GetEntityIfExistsAsync<SubscriberRow>(FeedIds.Normalize(id), TableKeys.Feeds.SubscriberRow, cancellationToken: ct);
        return row.HasValue && Secrets.AreEqual(Hash(secret), row.Value!.SecretHash) ? row.Value.PartitionKey : null;
    }

    public Task GrantAsync(string subscriberId, SubscriptionRow subscription, CancellationToken ct) =>
        Table.UpsertEntityAsync(new GrantRow
        {
            PartitionKey = subscriberId,
            RowKey = TableKeys.Feeds.Grant(subscription.Id),
            SubscriptionId = subscription.Id,
            FeedId = subscription.FeedId,
            Iuid = subscription.Iuid,
        }, TableUpdateMode.Replace, ct);

    public async Task<GrantRow?> FindGrantAsync(string subscriberId, string subscriptionId, CancellationToken ct)
    {
        if (!FeedIds.IsValid(subscriptionId)) return null;
        var row = await Table.GetEntityIfExistsAsync<GrantRow>(subscriberId, TableKeys.Feeds.Grant(FeedIds.Normalize(subscriptionId)), cancellationToken: ct);
        return row.HasValue ? row.Value : null;
    }

    public IAsyncEnumerable<GrantRow> ListGrantsAsync(string subscriberId, CancellationToken ct) =>
        Table.QueryAsync<GrantRow>(
            TableClient.CreateQueryFilter($"PartitionKey eq {subscriberId} and RowKey ge {TableKeys.Feeds.GrantPrefix} and RowKey lt {TableKeys.Feeds.GrantEnd}"),
            cancellationToken: ct);

    public async Task RevokeAsync(GrantRow grant, CancellationToken ct)
    {
        try
        {
            await Table.DeleteEntityAsync(grant.PartitionKey, grant.RowKey, ETag.All, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Revoked by a repeated request.
        }
    }

    private static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
