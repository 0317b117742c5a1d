using Notify.Core.Storage;

namespace Notify.Core.Inbox;

/// <summary>
/// The inbox counters as last folded. <see cref="SeenWatermark"/> is the last mark-all-seen: items whose
/// seen state was set before it read as seen, and unseen changes stamped before it no longer count.
/// </summary>
public sealed class InboxCountsRow : TableRow
{
    public int Total { get; set; }
    public int Unseen { get; set; }
    public DateTimeOffset? SeenWatermark { get; set; }
    /// <summary>Totals per category as a JSON object (categories are few: an app's catalog).</summary>
    public string? CategoryTotalsJson { get; set; }
    /// <summary>Set with the user row's <c>Deleting</c>: the inbox reads as empty from then on.</summary>
    public bool UserDeleting { get; set; }
}

/// <summary>
/// One change to the counters, written in the same transaction as the item it counts, so a write never
/// reads the counters first; readers add the changes to <see cref="InboxCountsRow"/> and fold them in.
/// </summary>
public sealed class InboxCountChangeRow : TableRow
{
    public int Total { get; set; }
    public int Unseen { get; set; }
    /// <summary>When the change was made; an unseen change stamped before the watermark no longer counts.</summary>
    public DateTimeOffset At { get; set; }
    public string? Category { get; set; }
}

/// <summary>What an item change does to the counters.</summary>
public readonly record struct InboxDelta(int Total, int Unseen)
{
    public static readonly InboxDelta None = new(0, 0);
}
