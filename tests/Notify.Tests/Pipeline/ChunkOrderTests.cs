using Notify.Core.Pipeline;
using Notify.Core.Sends;
using Notify.Core.Storage;
using Notify.Core.Topics;

namespace Notify.Tests.Pipeline;

/// <summary>How a send's recipients are cut into chunks: each chunk's writes fall into few partitions of every kind.</summary>
public sealed class ChunkOrderTests
{
    private static readonly Recipient[] Recipients = [.. Enumerable.Range(0, 4_000).Select(i => new Recipient($"chunk-{i}", null))];

    [Fact]
    public void Should_keep_every_chunk_within_one_or_two_audience_buckets_and_few_user_buckets()
    {
        var chunks = SendService.Chunk(Recipients, 250).Select(Recipient.Deserialize).ToList();

        Assert.Equal(16, chunks.Count);
        // 4,000 recipients over 16 audience buckets are 250 a bucket, and over 128 user buckets about 31: a chunk of 250
        // straddles at most two audience buckets and spans about 8 user buckets (a few more where buckets run small).
        Assert.All(chunks, chunk => Assert.InRange(chunk.Select(r => TableKeys.BucketOf(r.Identifier, TopicMemberStore.BucketCount)).Distinct().Count(), 1, 2));
        Assert.All(chunks, chunk => Assert.InRange(chunk.Select(r => TableKeys.UserBucket(r.Identifier)).Distinct().Count(), 1, 12));
    }

    [Fact]
    public void Should_put_every_recipient_in_one_chunk_in_the_order_given()
    {
        var chunks = SendService.Chunk(Recipients, 250).Select(Recipient.Deserialize).ToList();

        Assert.Equal(Recipients.Select(r => r.Identifier).Order(), chunks.SelectMany(c => c).Select(r => r.Identifier).Order());
        var given = Recipients.Select((r, i) => (r.Identifier, i)).ToDictionary();
        Assert.All(chunks, chunk => Assert.Equal(chunk.Select(r => given[r.Identifier]).Order(), chunk.Select(r => given[r.Identifier])));
    }
}
