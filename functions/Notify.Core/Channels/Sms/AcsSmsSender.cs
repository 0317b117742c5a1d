using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Notify.Core.Channels.Email.Acs;

namespace Notify.Core.Channels.Sms;

/// <summary>
/// Sends through the Azure Communication Services SMS REST API (<c>POST /sms?api-version=2021-03-07</c>) with the
/// same HMAC or Entra ID auth as email. The repeatability id and first-sent time derive from the delivery, in the
/// headers and on the recipient, so a retried delivery is recognised by ACS rather than texted twice.
/// </summary>
public sealed class AcsSmsSender(HttpClient http, AcsConnection connection, string from, bool deliveryReports, TimeProvider time) : ISmsSender
{
    public const string ApiVersion = "2021-03-07";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public async Task<ChannelOutcome> SendAsync(SmsMessage message, CancellationToken ct)
    {
        var requestId = DeliveryKeys.Uuid(message.DeliveryId).ToString();
        var firstSent = message.FirstAttemptAt.ToString("r", CultureInfo.InvariantCulture);
        var body = JsonSerializer.SerializeToUtf8Bytes(new AcsSmsRequest(
            from, [new AcsSmsRecipient(message.To, requestId, firstSent)], message.Text, new AcsSmsOptions(deliveryReports)), Json);
        using var request = new HttpRequestMessage(HttpMethod.Post,
            $"{connection.Endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/')}/sms?api-version={ApiVersion}")
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Add("repeatability-request-id", requestId);
        request.Headers.Add("repeatability-first-sent", firstSent);
        try
        {
            await connection.AuthenticateAsync(request, body, ct);
            using var response = await http.SendAsync(request, ct);
            return await ClassifyAsync(response, ct);
        }
        catch (HttpRequestException e)
        {
            return new ChannelOutcome.RetryLater(null, $"ACS SMS unreachable: {e.Message}", Throttled: false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new ChannelOutcome.RetryLater(null, "ACS SMS request timed out.", Throttled: false);
        }
    }

    private async Task<ChannelOutcome> ClassifyAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var code = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.Accepted && await ReadAsync<AcsSmsResponse>(response, ct) is { Value: [var result, ..] })
        {
            // "rejected" repeatability: ACS already took this very request, so the earlier attempt stands.
            if (result.Successful || string.Equals(result.RepeatabilityResult, "rejected", StringComparison.OrdinalIgnoreCase))
                return new ChannelOutcome.Sent(result.MessageId);
            var error = $"ACS SMS {result.HttpStatusCode}: {result.ErrorMessage ?? "not sent"}";
            return result.HttpStatusCode is 408 or 429 or >= 500
                ? new ChannelOutcome.RetryLater(null, error, result.HttpStatusCode == 429)
                : new ChannelOutcome.Failed(error);
        }
        var body = await ReadAsync<AcsSmsError>(response, ct);
        var described = $"ACS SMS {code} {body?.Error?.Code ?? response.ReasonPhrase}: {body?.Error?.Message ?? "no error message"}";
        return code is 408 or 429 or >= 500
            ? new ChannelOutcome.RetryLater(HttpRetryAfter.Read(response, time), described, code == 429)
            : new ChannelOutcome.Failed(described);
    }

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct) where T : class
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(Json, ct);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            return null;
        }
    }

    private sealed record AcsSmsRequest(string From, IReadOnlyList<AcsSmsRecipient> SmsRecipients, string Message, AcsSmsOptions SmsSendOptions);

    private sealed record AcsSmsRecipient(string To, string RepeatabilityRequestId, string RepeatabilityFirstSent);

    private sealed record AcsSmsOptions(bool EnableDeliveryReport);

    private sealed record AcsSmsResponse(IReadOnlyList<AcsSmsResult>? Value);

    private sealed record AcsSmsResult(string? To, string? MessageId, int HttpStatusCode, bool Successful, string? ErrorMessage, string? RepeatabilityResult);

    private sealed record AcsSmsError(AcsSmsErrorDetail? Error);

    private sealed record AcsSmsErrorDetail(string? Code, string? Message);
}
