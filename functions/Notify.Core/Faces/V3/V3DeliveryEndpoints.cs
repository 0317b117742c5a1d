using Microsoft.AspNetCore.Http;
using Notify.Core.Auth;
using Notify.Core.Messages;
using Notify.Core.Deliveries;
using Notify.Core.Sends;
using static Notify.Core.Faces.V3.V3Results;

namespace Notify.Core.Faces.V3;

/// <summary>A send's status and its deliveries per user and channel, for the backend that sent it.</summary>
public sealed class V3DeliveryEndpoints(V3Authenticator auth, SendStore sends, DeliveryStore deliveries)
{
    public async Task<IResult> ListAsync(HttpRequest request, string requestId, CancellationToken ct)
    {
        var caller = await auth.BackendAsync(request, ct);
        if (caller.Failure is not null) return caller.Failure;
        // Batch API messages are sends too, under their own ids (m.<message id>).
        if (!Guid.TryParse(requestId, out _) && !requestId.StartsWith(MessageService.SendIdPrefix, StringComparison.Ordinal))
            return NotFound("Request not found");
        var send = await sends.GetAsync(caller.Caller!.Id, requestId, ct);
        if (send is null) return NotFound("Request not found");
        var rows = await deliveries.ListAsync(send.AppId, send.SendId, ct);
        return Results.Ok(new
        {
            requestId = send.SendId,
            status = send.Status,
            createdAt = send.CreatedAt,
            recipientCount = send.RecipientCount,
            deliveries = rows.Select(r => new
            {
                recipient = r.UserId,
                channel = r.Channel,
                status = r.Status,
                attempts = r.Attempts,
                providerMessageId = r.ProviderMessageId,
                lastError = r.LastError,
                updatedAt = r.UpdatedAt,
            }),
        });
    }
}
