using Notify.Core.Storage;

namespace Notify.Core.Sends;

public static class SendStatus
{
    public const string Accepted = "accepted";
    public const string FannedOut = "fannedOut";
}

/// <summary>One accepted request to notify. Its recipients live in chunk rows of the same partition.</summary>
public sealed class SendRow : TableRow
{
    public const string Key = "send";

    public string AppId { get; set; } = "";
    public string SendId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string Status { get; set; } = SendStatus.Accepted;
    public string? Title { get; set; }
    public string? Message { get; set; }
    public string? Icon { get; set; }
    public string? Url { get; set; }
    public string? DataJson { get; set; }
    public string? Category { get; set; }
    public string? TemplateDataJson { get; set; }
    public int RecipientCount { get; set; }
    public int ChunkCount { get; set; }
}

/// <summary>Up to a chunk's worth of recipients (identifier + inline profile) as a JSON array.</summary>
public sealed class RecipientChunkRow : TableRow
{
    public string RecipientsJson { get; set; } = "[]";

    public static string KeyFor(int chunk) => $"r|{chunk:D5}";
}
