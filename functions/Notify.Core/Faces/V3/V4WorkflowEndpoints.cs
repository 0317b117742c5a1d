using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Notify.Core.Faces.Kit;
using Notify.Core.Workflows;
using static Notify.Core.Faces.V3.V3Results;

namespace Notify.Core.Faces.V3;

/// <summary>Cancels the pending work of sends that ran a workflow under a cancellation key (v3 dialect, v4 path).</summary>
public sealed class V4WorkflowEndpoints(V3Authenticator auth, WorkflowCancellation cancellation, IOptions<NotifyOptions> options)
{
    public async Task<IResult> CancelAsync(HttpRequest request, string identifier, CancellationToken ct)
    {
        identifier = RouteValue.Decode(identifier);
        var caller = await auth.BackendAsync(request, ct);
        if (caller.Failure is not null) return caller.Failure;
        var (body, failure) = await V3Body.ReadAsync(request, options.Value.MaxRequestBodyBytes, ct);
        if (failure is not null) return failure;
        var v = new Validation();
        var root = body as JsonObject;
        var key = v.String(root, "cancellationKey", V3Limits.Identifier, required: true);
        var cancelFor = v.Object(root, "cancelFor");
        var listed = v.Array(cancelFor, "recipients", options.Value.MaxRecipientsPerSend);
        var recipients = listed?.Select((node, i) => v.String(node, $"cancelFor.recipients.{i}", V3Limits.Identifier, required: true)).ToList();
        if (!v.IsValid) return Invalid(v.Errors);
        var matched = await cancellation.CancelAsync(caller.Caller!.Id, identifier, key!,
            recipients?.Select(r => r!).ToList(), ct);
        return matched == 0
            ? NotFound("Workflow run not found")
            : Results.Ok(new { statusCode = 200, message = "Workflow run cancelled", cancelledSends = matched });
    }
}
