using System.Runtime.Serialization;
using Notify.Core.Storage;

namespace Notify.Core.Deliveries;

public static class DeliveryStatus
{
    public const string Queued = "queued";
    public const string Throttled = "throttled";
    public const string Sent = "sent";
    public const string Failed = "failed";
    public const string Skipped = "skipped";

    public static readonly IReadOnlyList<string> All = [Queued, Throttled, Sent, Failed, Skipped];
}

/// <summary>
/// One (send, user, channel) attempt, in the partition of the send's user bucket: a send's partitions are
/// one key range, so its deliveries are listed by one query however many partitions they span.
/// </summary>
public sealed class DeliveryRow : TableRow
{
    public string UserId { get; set; } = "";
    public string Channel { get; set; } = "";
    public string Status { get; set; } = DeliveryStatus.Queued;
    public int Attempts { get; set; }
    public string? ProviderMessageId { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The status as stored, so a save knows which tally to move.</summary>
    [IgnoreDataMember]
    public string? StoredStatus { get; set; }
}
