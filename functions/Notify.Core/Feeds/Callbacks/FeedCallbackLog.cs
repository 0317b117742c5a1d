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
    private const string Settled = "settled";
    private TableClient Table => storage.Table(TableNames.FeedCallbacks);

    public async Task<bool> IsSettledAsync(string eventId, CancellationToken ct) =>
        (await Table.GetEntityIfExistsAsync<TableEntity>(eventId, Settled, ["RowKey"], ct)).HasValue;

    public Task MarkSettledAsync(string eventId, CancellationToken ct) =>
        Table.UpsertEntityAsync(new TableEntity(eventId, Settled), TableUpdateMode.Replace, ct);

    /// <summary>True for the first caller to schedule attempt <paramref name="attempt"/>; false for a repeat.</summary>
    public async Task<bool> TryScheduleAsync(string eventId, int attempt, CancellationToken ct)
    {
        try
        {
            await Table.AddEntityAsync(new TableEntity(eventId, $"retry|{attempt:D3}"), ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }
}
