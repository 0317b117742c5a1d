using Azure;
using Azure.Data.Tables;
using Notify.Core.Storage;

namespace Notify.Core.Topics;

public sealed record TopicMemberPage(IReadOnlyList<StoredTopicMember> Members, string? Continuation);

/// <summary>
/// Topic members, sharded over <see cref="BucketCount"/> bucket partitions by a stable hash of the user
/// id, plus a subscription row per membership in the user's own partition.
/// </summary>
public sealed class TopicMemberStore(NotifyStorage storage, TimeProvider clock)
{
    /// <summary>Fixed for good: changing it would move every stored member to another partition.</summary>
    public const int BucketCount = 16;
    private const int MaxEntitiesPerTransaction = 100;
    private const int Parallelism = 32;
    private TableClient Members => storage.Table(TableNames.TopicMembers);
    private TableClient Users => storage.Table(TableNames.Users);

    /// <summary>The bucket partition that holds a user's row in a topic.</summary>
    public static string PartitionOf(string appId, int topicId, string userId) =>
        TableKeys.TopicBucket(appId, topicId, TableKeys.BucketOf(userId, BucketCount));

    /// <summary>Adds members or replaces their channels; repeating it is harmless.</summary>
    /// <param name="inAudience">The caller joined them to the app-wide audience first (see <see cref="TopicMemberRow.InAudience"/>).</param>
    public async Task AddAsync(string appId, int topicId, IReadOnlyList<TopicMember> members, bool inAudience, CancellationToken ct)
    {
        await WriteMemberRowsAsync(appId, topicId, members, inAudience, Parallelism, ct);
        await WriteSubscriptionRowsAsync(appId, topicId, members, ct);
    }

    private async Task WriteSubscriptionRowsAsync(string appId, int topicId, IReadOnlyList<TopicMember> members, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await Parallel.ForEachAsync(members, Options(ct), async (member, token) =>
            await Users.UpsertEntityAsync(new TopicSubscriptionRow
            {
                PartitionKey = TableKeys.User(appId, member.UserId),
                RowKey = TopicSubscriptionRow.KeyFor(topicId),
                TopicId = topicId,
                Channels = Join(member.Channels),
                SubscribedAt = now,
            }, TableUpdateMode.Replace, token));
    }

    /// <summary>
    /// Writes member rows only, in 100-row transactions per bucket partition, buckets in parallel: the
    /// fast way to build a large topic (benchmarks, tests, the app-wide audience). It skips the per-user
    /// subscription rows, which fan-out never reads, so such members do not show in a user's subscription list and
    /// user deletion does not find them: <paramref name="inAudience"/> is for users already joined, of this app's
    /// audience or of a benchmark's topic.
    /// </summary>
    public Task SeedMembersAsync(string appId, int topicId, IEnumerable<string> userIds, IReadOnlyList<string>? channels,
        bool inAudience, int parallelism, CancellationToken ct) =>
        WriteMemberRowsAsync(appId, topicId, userIds.Select(u => new TopicMember(u, channels)), inAudience, parallelism, ct);

    public async Task RemoveAsync(string appId, int topicId, IEnumerable<string> userIds, CancellationToken ct) =>
        await Parallel.ForEachAsync(userIds.Distinct(), Options(ct), async (userId, token) =>
        {
            // Deleting a row that is not there succeeds, so detaching a non-member is harmless.
            await Members.DeleteEntityAsync(PartitionOf(appId, topicId, userId), TableKeys.Encode(userId), ETag.All, token);
            await Users.DeleteEntityAsync(TableKeys.User(appId, userId), TopicSubscriptionRow.KeyFor(topicId), ETag.All, token);
        });

    /// <summary>Removes the member row alone, for audiences kept without subscription rows; removing a non-member is harmless.</summary>
    public async Task RemoveMemberRowAsync(string appId, int topicId, string userId, CancellationToken ct) =>
        await Members.DeleteEntityAsync(PartitionOf(appId, topicId, userId), TableKeys.Encode(userId), ETag.All, ct);

    /// <summary>
    /// Replaces a member's channels under the ETag of the row read, so a member removed meanwhile (detached, or their
    /// user deleted) is not brought back, with an <see cref="TopicMemberRow.InAudience"/> mark no longer true.
    /// </summary>
    /// <returns>False when the user is not a member of the topic.</returns>
    public Task<bool> SetChannelsAsync(string appId, int topicId, string userId, IReadOnlyList<string>? channels, CancellationToken ct) =>
        Optimistic.RetryAsync(async () =>
        {
            var partition = PartitionOf(appId, topicId, userId);
            var row = await Members.GetEntityIfExistsAsync<TopicMemberRow>(partition, TableKeys.Encode(userId), cancellationToken: ct);
            if (!row.HasValue) return false;
            var member = row.Value!;
            member.Channels = Join(channels);
            await Optimistic.SaveAsync(Members, member, existed: true, ct);
            await WriteSubscriptionRowsAsync(appId, topicId, [new TopicMember(userId, channels)], ct);
            return true;
        }, retryOn: [404, 412]);

    public async Task<IReadOnlyList<TopicSubscriptionRow>> ListSubscriptionsAsync(string appId, string userId, CancellationToken ct)
    {
        var partition = TableKeys.User(appId, userId);
        var rows = new List<TopicSubscriptionRow>();
        await foreach (var row in Users.QueryAsync<TopicSubscriptionRow>(TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey ge {TableKeys.TopicSubscriptionPrefix} and RowKey lt {TableKeys.TopicSubscriptionEnd}"), cancellationToken: ct))
            rows.Add(row);
        return rows;
    }

    /// <summary>One page of one bucket; the same continuation always yields the same page while members are unchanged.</summary>
    public async Task<TopicMemberPage> ReadPageAsync(string appId, int topicId, int bucket, string? continuation, int pageSize, CancellationToken ct)
    {
        var partition = TableKeys.TopicBucket(appId, topicId, bucket);
        var pages = Members.QueryAsync<TopicMemberRow>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"),
            maxPerPage: pageSize, select: [nameof(TopicMemberRow.UserId), nameof(TopicMemberRow.Channels), nameof(TopicMemberRow.InAudience)], cancellationToken: ct);
        await foreach (var page in pages.AsPages(continuation, pageSize))
            return new TopicMemberPage(page.Values.Select(r => new StoredTopicMember(r.UserId, r.ChannelList, r.InAudience)).ToList(), page.ContinuationToken);
        return new TopicMemberPage([], null);
    }

    private async Task WriteMemberRowsAsync(string appId, int topicId, IEnumerable<TopicMember> members, bool inAudience, int parallelism,
        CancellationToken ct)
    {
        var batches = members
            .Select(m => new TopicMemberRow
            {
                PartitionKey = PartitionOf(appId, topicId, m.UserId),
                RowKey = TableKeys.Encode(m.UserId),
                UserId = m.UserId,
                Channels = Join(m.Channels),
                InAudience = inAudience,
            })
            .GroupBy(r => r.PartitionKey)
            .SelectMany(bucket => bucket.DistinctBy(r => r.RowKey).Chunk(MaxEntitiesPerTransaction));
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct },
            async (batch, token) => await Members.SubmitTransactionAsync(
                batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), token));
    }

    private static string? Join(IReadOnlyList<string>? channels) => channels is null ? null : DeliveryChannels.Join(channels);

    private static ParallelOptions Options(CancellationToken ct) => new() { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct };
}
