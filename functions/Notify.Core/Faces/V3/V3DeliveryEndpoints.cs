using System.Buffers.Text;
using System.Text;
using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Notify.Core.Channels;
using Notify.Core.Deliveries;
using Notify.Core.Faces.Kit;
using Notify.Core.Messages;
using Notify.Core.Sends;
using static Notify.Core.Faces.V3.V3Results;

namespace Notify.Core.Faces.V3;

/// <summary>
/// A send's status, its totals per delivery status, and one page of its deliveries per user and channel
/// (<c>limit</c>, <c>status</c>, <c>channel</c>, and <c>continuationToken</c> from the previous page).
/// </summary>
public sealed class V3DeliveryEndpoints(V3Call call, V3Authenticator auth, SendStore sends, DeliveryStore deliveries)
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    public Task<Results<Ok<V3SendDeliveries>, V3Error>> ListAsync(HttpRequest request, string requestId, CancellationToken ct) =>
        call.RunAsync<Apps.App, Ok<V3SendDeliveries>>(request, auth.BackendAsync, async app =>
        {
            // Batch API messages are sends too, under their own ids (m.<message id>).
            if (!Guid.TryParse(requestId, out _) && !requestId.StartsWith(MessageService.SendIdPrefix, StringComparison.Ordinal))
                return NotFound("Request not found");
            var v = new Validation();
            var limit = v.Query(request, "limit", 1, MaxLimit, DefaultLimit);
            var status = Choice(v, request.Query["status"].FirstOrDefault(), "status", DeliveryStatus.All);
            var channel = Choice(v, request.Query["channel"].FirstOrDefault(), "channel", DeliveryChannels.All);
            var token = request.Query["continuationToken"].FirstOrDefault();
            var continuation = string.IsNullOrEmpty(token) ? null : Decode(token);
            if (!string.IsNullOrEmpty(token) && continuation is null) v.Add("continuationToken must come from a previous page");
            if (!v.IsValid) return Invalid(v.Errors);
            var send = await sends.GetAsync(app.Id, requestId, ct);
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
            return TypedResults.Ok(new V3SendDeliveries(send.SendId, send.Status, send.CreatedAt, send.RecipientCount,
                await deliveries.TotalsAsync(send.AppId, send.SendId, ct),
                page.Rows.Select(r => new V3Delivery(r.UserId, r.Channel, r.Status, r.Attempts, r.ProviderMessageId, r.LastError, r.UpdatedAt)).ToList(),
                page.Continuation is null ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(page.Continuation))));
        }, ct);


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

/// <summary>One page of a send's deliveries, with the send's totals per delivery status.</summary>
public sealed record V3SendDeliveries(
    string RequestId, string Status, DateTimeOffset CreatedAt, int RecipientCount, IReadOnlyDictionary<string, int> Totals,
    IReadOnlyList<V3Delivery> Deliveries, string? ContinuationToken);

public sealed record V3Delivery(
    string Recipient, string Channel, string Status, int Attempts, string? ProviderMessageId, string? LastError, DateTimeOffset UpdatedAt);
