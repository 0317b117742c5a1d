using Notify.Core.Storage;

namespace Notify.Core.Requests;

/// <summary>
/// What makes a send a notification request: the parts of the request a send does not hold. Lives in the
/// send's partition, so the request and its send are read together and removed together.
/// </summary>
public sealed class RequestRow : TableRow
{
    public string? Name { get; set; }
    public bool Broadcast { get; set; }
    /// <summary>Comma-separated topic ids the request named as groups.</summary>
    public string? Groups { get; set; }
    /// <summary>Set when deletion starts: the request is gone for callers while its items are removed.</summary>
    public bool Deleted { get; set; }
}

/// <summary>An app's requests newest first, for listing; one small row per request in the app's partition.</summary>
public sealed class RequestIndexRow : TableRow
{
    public string RequestId { get; set; } = "";
}
