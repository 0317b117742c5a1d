using Azure.Data.Tables;
using Notify.Core.Storage;

namespace Notify.Core.Workflows;

/// <summary>One send that ran a workflow under a cancellation key: the partition is (app, workflow, key), the row the send.</summary>
public sealed class WorkflowRunRow : TableRow
{
    public string SendId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Finds the sends a workflow cancellation applies to.</summary>
public sealed class WorkflowRunStore(NotifyStorage storage, TimeProvider clock)
{
    public const int PageSize = 100;
    private TableClient Workflows => storage.Table(TableNames.Workflows);

    /// <summary>Written before the send is queued, so a cancellation finds every send that could still deliver.</summary>
    public async Task IndexAsync(string appId, string identifier, string cancellationKey, string sendId, CancellationToken ct) =>
        await Workflows.UpsertEntityAsync(new WorkflowRunRow
        {
            PartitionKey = TableKeys.Workflow(appId, identifier, cancellationKey),
            RowKey = sendId,
            SendId = sendId,
            CreatedAt = clock.GetUtcNow(),
        }, TableUpdateMode.Replace, ct);

    /// <summary>The sends of a workflow run, a page at a time: a key may have been used by any number of sends.</summary>
    public async IAsyncEnumerable<IReadOnlyList<string>> FindSendsAsync(
        string appId, string identifier, string cancellationKey, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var partition = TableKeys.Workflow(appId, identifier, cancellationKey);
        await foreach (var page in Workflows.QueryAsync<WorkflowRunRow>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"),
            maxPerPage: PageSize, select: [nameof(WorkflowRunRow.SendId)], cancellationToken: ct).AsPages(pageSizeHint: PageSize))
            yield return page.Values.Select(r => r.SendId).ToList();
    }
}
