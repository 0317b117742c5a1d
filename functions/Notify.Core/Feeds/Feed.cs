using Notify.Core.Storage;

namespace Notify.Core.Feeds;

/// <summary>
/// A feed (the seed's "channel"): a named thing an app's users subscribe to. Stored in its own partition, since
/// every call of the channels API names a feed and no app: reads of one busy feed never share a partition.
/// </summary>
public sealed class FeedRow : TableRow
{
    public string Id => PartitionKey;
    public string AppId { get; set; } = "";
    public string Name { get; set; } = "";
    public string ApiKey { get; set; } = "";
    public string? CallbackUrl { get; set; }

    /// <summary>The <c>Authorization: Basic</c> credential sent to the callback: base64 of <c>feedId:secret</c>.</summary>
    public string CallbackCredential { get; set; } = "";

    /// <summary>Standard Webhooks secret (<c>whsec_…</c>) the callbacks are signed with.</summary>
    public string CallbackSigningSecret { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Lists an app's feeds: one row per feed in the app's partition.</summary>
public sealed class FeedIndexRow : TableRow;
