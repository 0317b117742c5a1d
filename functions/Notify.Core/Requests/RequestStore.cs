using Azure;
using Azure.Data.Tables;
using Notify.Core.Sends;
using Notify.Core.Storage;

namespace Notify.Core.Requests;

/// <summary>Request rows beside their sends, and the app's newest-first index of them.</summary>
public sealed class RequestStore(NotifyStorage storage)
{
    private TableClient Sends => storage.Table(TableNames.Sends);
    private TableClient Index => storage.Table(TableNames.Requests);

    public async Task AddAsync(SendRow send, RequestRow request, CancellationToken ct)
    {
        request.PartitionKey = TableKeys.Send(send.AppId, send.SendId);
        request.RowKey = TableKeys.Sends.Request(send.SendId);
        await Sends.UpsertEntityAsync(request, TableUpdateMode.Replace, ct);
        await Index.UpsertEntityAsync(new RequestIndexRow
        {
            PartitionKey = TableKeys.App(send.AppId), RowKey = TableKeys.Request(send.CreatedAt, send.SendId), RequestId = send.SendId,
        }, TableUpdateMode.Replace, ct);
    }

    /// <summary>The request row, or null when the id names no request of the app (a plain send included) or a deleted one.</summary>
    public async Task<RequestRow?> GetAsync(string appId, string requestId, CancellationToken ct)
    {
        if (!Guid.TryParse(requestId, out _)) return null;
        var row = await Sends.GetEntityIfExistsAsync<RequestRow>(TableKeys.Send(appId, requestId), TableKeys.Sends.Request(requestId), cancellationToken: ct);
        return row.HasValue && !row.Value!.Deleted ? row.Value : null;
    }

    /// <summary>Ids of one page of the app's requests, newest first, and how many there are.</summary>
    public async Task<(IReadOnlyList<string> Ids, int Total)> ListAsync(string appId, int skip, int take, CancellationToken ct)
    {
        var ids = new List<string>(take);
        var total = 0;
        await foreach (var row in Index.QueryAsync<RequestIndexRow>(TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.App(appId)}"),
            select: [nameof(RequestIndexRow.RequestId)], cancellationToken: ct))
        {
            if (total >= skip && ids.Count < take) ids.Add(row.RequestId);
            total++;
        }
        return (ids, total);
    }

    /// <summary>Hides the request at once; its rows go once its items are out of every inbox.</summary>
    public async Task MarkDeletedAsync(SendRow send, RequestRow request, CancellationToken ct)
    {
        request.Deleted = true;
        await Sends.UpdateEntityAsync(request, ETag.All, TableUpdateMode.Replace, ct);
        await Index.DeleteEntityAsync(TableKeys.App(send.AppId), TableKeys.Request(send.CreatedAt, send.SendId), ETag.All, ct);
    }

    public async Task<RequestRow?> GetDeletedAsync(string appId, string requestId, CancellationToken ct)
    {
        var row = await Sends.GetEntityIfExistsAsync<RequestRow>(TableKeys.Send(appId, requestId), TableKeys.Sends.Request(requestId), cancellationToken: ct);
        return row.HasValue && row.Value!.Deleted ? row.Value : null;
    }

    /// <summary>
    /// Removes every row of the request's send (the rows keyed by its id, beside other sends of its commit group),
    /// the request row last, so an interrupted purge can be repeated.
    /// </summary>
    public async Task PurgeAsync(string appId, string requestId, CancellationToken ct)
    {
        var partition = TableKeys.Send(appId, requestId);
        var rows = Sends.QueryAsync<TableEntity>(TableClient.CreateQueryFilter(
                $"PartitionKey eq {partition} and RowKey ge {TableKeys.Sends.Prefix(requestId)} and RowKey lt {TableKeys.Sends.End(requestId)} and RowKey ne {TableKeys.Sends.Request(requestId)}"),
            maxPerPage: 100, select: ["PartitionKey", "RowKey"], cancellationToken: ct);
        await foreach (var page in rows.AsPages())
            if (page.Values.Count > 0)
                await Sends.SubmitTransactionAsync(page.Values.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All)), ct);
        await Sends.DeleteEntityAsync(partition, TableKeys.Sends.Request(requestId), ETag.All, ct);
    }
}
