using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Notify.Core.Faces.Kit;
using Notify.Core.Workflows;
using static Notify.Core.Faces.V3.V3Results;

namespace Notify.Core.Faces.V3;

/// <summary>Cancels the pending work of sends that ran a workflow under a cancellation key (v3 dialect, v4 path).</summary>
public sealed class V4WorkflowEndpoints(V3Call call, V3Authenticator auth, WorkflowCancellation cancellation, IOptions<NotifyOptions> options)
{
    private sealed record Cancel(string Key, IReadOnlyList<string>? Recipients);

    public Task<Results<Ok<V3WorkflowCancelled>, V3Error>> CancelAsync(HttpRequest request, string identifier, CancellationToken ct) =>
        call.RunAsync<Apps.App, Cancel, Ok<V3WorkflowCancelled>>(request, auth.BackendAsync, Parse, async (app, cancel) =>
        {
            var matched = await cancellation.CancelAsync(app.Id, RouteValue.Decode(identifier), cancel.Key, cancel.Recipients, ct);
            return matched == 0
                ? NotFound("Workflow run not found")
                : TypedResults.Ok(new V3WorkflowCancelled(StatusCodes.Status200OK, "Workflow run cancelled", matched));
        }, ct);

    private Cancel? Parse(Validation v, JsonNode? body)
    {
        var root = body as JsonObject;
        var key = v.String(root, "cancellationKey", V3Limits.Identifier, required: true);
        var cancelFor = v.Object(root, "cancelFor");
        var listed = v.Array(cancelFor, "recipients", options.Value.MaxRecipientsPerSend);
        var recipients = listed?.Select((node, i) => v.String(node, $"cancelFor.recipients.{i}", V3Limits.Identifier, required: true)).ToList();
        return key is null ? null : new Cancel(key, recipients?.Select(r => r ?? "").ToList());
    }
}

public sealed record V3WorkflowCancelled(int StatusCode, string Message, int CancelledSends);
