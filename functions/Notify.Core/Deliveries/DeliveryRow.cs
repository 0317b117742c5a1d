using Notify.Core.Storage;

namespace Notify.Core.Deliveries;

public static class DeliveryStatus
{
    public const string Queued = "queued";
    public const string Throttled = "throttled";
    public const string Sent = "sent";
    public const string Failed = "failed";
    public const string Skipped = "skipped";
}

/// <summary>
/// One (send, user, channel) attempt, in the send's partition so a backend can list a send's deliveries.
/// An in-app delivery that reached the inbox needs no row: the inbox item is its record.
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

    public static string KeyFor(string userId, string channel) => $"d|{TableKeys.Encode(userId)}|{channel}";
}
