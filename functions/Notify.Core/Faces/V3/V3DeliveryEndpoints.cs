using System.Buffers.Text;
using System.Text;
using Azure;
using Microsoft.AspNetCore.Http;
using Notify.Core.Auth;
using Notify.Core.Channels;
using Notify.Core.Messages;
using Notify.Core.Deliveries;
using Notify.Core.Sends;
using static Notify.Core.Faces.V3.V3Results;

namespace Notify.Core.Faces.V3;

/// <summary>
/// A send's status, its totals per delivery status, and one page of its deliveries per user and channel
/// (<c>limit</c>, <c>status</c>, <c>channel</c>, and <c>continuationToken</c> from the previous page).
/// </summary>
public sealed class V3DeliveryEndpoints(V3Authenticator auth, SendStore sends, DeliveryStore deliveries)
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    public async Task<IResult> ListAsync(HttpRequest request, string requestId, CancellationToken ct)
    {
        var caller = await auth.BackendAsync(request, ct);
        if (caller.Failure is not null) return caller.Failure;
        // Batch API messages are sends too, under their own ids (m.<message id>).
        if (!Guid.TryParse(requestId, out _) && !requestId.StartsWith(MessageService.SendIdPrefix, StringComparison.Ordinal))
            return NotFound("Request not found");
        var v = new Validation();
        var limit = Limit(v, request.Query["limit"].FirstOrDefault());
        var status = Choice(v, request.Query["status"].FirstOrDefault(), "status", DeliveryStatus.All);
        var channel = Choice(v, request.Query["channel"].FirstOrDefault(), "channel", DeliveryChannels.All);
        var token = request.Query["continuationToken"].FirstOrDefault();
        var continuation = string.IsNullOrEmpty(token) ? null : Decode(token);
        if (!string.IsNullOrEmpty(token) && continuation is null) v.Add("continuationToken must come from a previous page");
        if (!v.IsValid) return Invalid(v.Errors);
        var send = await sends.GetAsync(caller.Caller!.Id, requestId, ct);
        if (send is null) return NotFound("Request not found");
        DeliveryPage page;
        try
        {
            page = await deliveries.ListAsync(send.AppId, send.SendId, status, channel, limit, continuation, ct);
        }
        catch (RequestFailedException e) when (e.Status == StatusCodes.Status400BadRequest)
        {
            return Invalid("continuationToken must come from a previous page");
        }
        return Results.Ok(new
        {
            requestId = send.SendId,
            status = send.Status,
            createdAt = send.CreatedAt,
            recipientCount = send.RecipientCount,
            totals = await deliveries.TotalsAsync(send.AppId, send.SendId, ct),
            deliveries = page.Rows.Select(r => new
            {
                recipient = r.UserId,
                channel = r.Channel,
                status = r.Status,
                attempts = r.Attempts,
                providerMessageId = r.ProviderMessageId,
                lastError = r.LastError,
                updatedAt = r.UpdatedAt,
            }),
            continuationToken = page.Continuation is null ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(page.Continuation)),
        });
    }

    private static int Limit(Validation v, string? text)
    {
        if (string.IsNullOrEmpty(text)) return DefaultLimit;
        if (!int.TryParse(text, out var limit) || limit < 1 || limit > MaxLimit) v.Add($"limit must be an integer from 1 to {MaxLimit}");
        return limit;
    }

    private static string? Choice(Validation v, string? text, string name, IReadOnlyList<string> allowed)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (!allowed.Contains(text)) v.Add($"{name} must be one of {string.Join(", ", allowed)}");
        return text;
    }

    private static string? Decode(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
