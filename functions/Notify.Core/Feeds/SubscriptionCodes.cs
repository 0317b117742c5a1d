using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Notify.Core.Apps;
using Notify.Core.Storage;

namespace Notify.Core.Feeds;

/// <summary>A code that lets one person subscribe one iuid to one feed. Each code is its own partition: point reads only.</summary>
public sealed class SubscriptionCodeRow : TableRow
{
    public string Code => PartitionKey;
    public string FeedId { get; set; } = "";
    public string Iuid { get; set; } = "";
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>The subscriber that claimed it; a claimed code serves no one else.</summary>
    public string? ClaimedBy { get; set; }
}

public enum CodeState { Valid, Unknown, Expired, Used }

/// <summary>
/// Issues and claims subscription codes: 24 random letters and digits (about 124 bits, unguessable), single use,
/// valid for <see cref="FeedOptions.CodeLifetimeMinutes"/>. Several unexpired codes for one (feed, iuid) coexist.
/// </summary>
public sealed class SubscriptionCodes(NotifyStorage storage, TimeProvider clock, IOptions<FeedOptions> options)
{
    private const int Length = 24;
    private TableClient Table => storage.Table(TableNames.FeedCodes);

    public async Task<SubscriptionCodeRow> IssueAsync(FeedRow feed, string iuid, CancellationToken ct)
    {
        var code = new SubscriptionCodeRow
        {
            PartitionKey = Secrets.RandomString(Length),
            RowKey = TableKeys.Feeds.Code,
            FeedId = feed.Id,
            Iuid = iuid,
            ExpiresAt = clock.GetUtcNow().AddMinutes(options.Value.CodeLifetimeMinutes),
        };
        await Table.AddEntityAsync(code, ct);
        return code;
    }

    /// <summary>The code and what a subscriber <paramref name="subscriberId"/> (null: anyone) may do with it.</summary>
    public async Task<(SubscriptionCodeRow? Code, CodeState State)> ReadAsync(string code, string? subscriberId, CancellationToken ct)
    {
        if (code.Length != Length || !Secrets.IsWellFormedId(code)) return (null, CodeState.Unknown);
        var row = await Table.GetEntityIfExistsAsync<SubscriptionCodeRow>(code, TableKeys.Feeds.Code, cancellationToken: ct);
        if (!row.HasValue) return (null, CodeState.Unknown);
        var stored = row.Value!;
        // The claimant may repeat its claim (a retried request) and gets the same subscription.
        if (stored.ClaimedBy is not null) return (stored, stored.ClaimedBy == subscriberId ? CodeState.Valid : CodeState.Used);
        return (stored, stored.ExpiresAt <= clock.GetUtcNow() ? CodeState.Expired : CodeState.Valid);
    }

    /// <summary>Marks the code claimed by <paramref name="subscriberId"/>; false when someone else claimed it first.</summary>
    public async Task<bool> ClaimAsync(SubscriptionCodeRow code, string subscriberId, CancellationToken ct)
    {
        if (code.ClaimedBy == subscriberId) return true;
        code.ClaimedBy = subscriberId;
        try
        {
            await Table.UpdateEntityAsync(code, code.ETag, TableUpdateMode.Replace, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }
}
