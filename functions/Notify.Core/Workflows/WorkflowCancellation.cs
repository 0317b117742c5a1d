using Notify.Core.Sends;

namespace Notify.Core.Workflows;

/// <summary>
/// Cancels what sends of a workflow run have not delivered yet: the whole send, or only some of its
/// recipients. Fan-out and delivery check before they write, so work already queued is dropped there.
/// </summary>
public sealed class WorkflowCancellation(WorkflowRunStore runs, SendStore sends)
{
    private static readonly string[] Pending = [SendStatus.Scheduled, SendStatus.Accepted, SendStatus.FannedOut];

    /// <returns>How many sends matched; zero when the workflow and key name no run.</returns>
    public async Task<int> CancelAsync(string appId, string identifier, string cancellationKey, IReadOnlyCollection<string>? recipients, CancellationToken ct)
    {
        var matched = 0;
        await foreach (var page in runs.FindSendsAsync(appId, identifier, cancellationKey, ct))
            foreach (var sendId in page)
            {
                var send = await sends.GetAsync(appId, sendId, ct);
                // The send row is written after its index row; a request that failed in between left no send.
                if (send is null) continue;
                matched++;
                if (recipients is null) await sends.TransitionAsync(send, Pending, SendStatus.Cancelled, ct);
                else await sends.CancelRecipientsAsync(send, recipients, ct);
            }
        return matched;
    }
}
