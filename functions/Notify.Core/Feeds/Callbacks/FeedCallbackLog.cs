using Azure;
using Azure.Data.Tables;
using Notify.Core.Storage;

namespace Notify.Core.Feeds.Callbacks;

/// <summary>
/// Remembers which callbacks are settled (delivered, or given up) and which retries were scheduled, one partition per event, so a
/// repeated message neither calls the receiver again after success nor starts a second chain of retries.
/// </summary>
public sealed class FeedCallbackLog(NotifyStorage storage)
{
    private TableClient Table => storage.Table(TableNames.FeedCallbacks);

    public async Task<bool> IsSettledAsync(string eventId, CancellationToken ct) =>
        (await Table.GetEntityIfExistsAsync<TableEntity>(eventId, TableKeys.Feeds.CallbackSettled, ["RowKey"], ct)).HasValue;

    /// <summary>Records the event as delivered (no error) or given up (with the last error, for whoever replays it).</summary>
    public Task MarkSettledAsync(string eventId, string? error, CancellationToken ct) =>
        Table.UpsertEntityAsync(new TableEntity(eventId, TableKeys.Feeds.CallbackSettled) { ["Error"] = error }, TableUpdateMode.Replace, ct);

    /// <summary>Why a given-up event failed; null when it was delivered or is not settled.</summary>
    public async Task<string?> ErrorOfAsync(string eventId, CancellationToken ct)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(eventId, TableKeys.Feeds.CallbackSettled, ["Error"], ct);
        return row.HasValue ? row.Value!.GetString("Error") : null;
    }

    /// <summary>True for the first caller to schedule attempt <paramref name="attempt"/>; false for a repeat.</summary>
    public async Task<bool> TryScheduleAsync(string eventId, int attempt, CancellationToken ct)
    {
        try
        {
            await Table.AddEntityAsync(new TableEntity(eventId, TableKeys.Feeds.CallbackRetry(attempt)), ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }
}
