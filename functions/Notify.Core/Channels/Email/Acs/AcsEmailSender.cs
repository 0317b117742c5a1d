using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Notify.Core.Channels.Email.Acs;

/// <summary>
/// Sends through the Azure Communication Services Email REST API. The Operation-Id is derived from the
/// delivery id, so a redelivered message repeats the same operation instead of sending a second email.
/// </summary>
public sealed class AcsEmailSender(HttpClient http, AcsConnection connection, TimeProvider time, bool engagementTracking = false)
    : IEmailSender
{
    public const string ApiVersion = "2025-09-01";

    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken ct)
    {
        if (message.Problem() is { } problem)
        {
            return new EmailSendResult.Failed(problem);
        }

        var operationId = DeliveryKeys.Uuid(message.DeliveryId).ToString();
        var body = JsonSerializer.SerializeToUtf8Bytes(AcsEmailRequest.From(message, engagementTracking), AcsEmailRequest.Json);
        using var request = new HttpRequestMessage(HttpMethod.Post, SendUri())
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Add("Operation-Id", operationId);
        request.Headers.Add("x-ms-client-request-id", Guid.NewGuid().ToString());
        try
        {
            await connection.AuthenticateAsync(request, body, ct);
            using var response = await http.SendAsync(request, ct);
            return await ClassifyAsync(response, operationId, ct);
        }
        catch (HttpRequestException e)
        {
            return new EmailSendResult.RetryLater(null, $"ACS unreachable: {e.Message}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new EmailSendResult.RetryLater(null, "ACS request timed out.");
        }
    }

    private Uri SendUri() =>
        new($"{connection.Endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/')}/emails:send?api-version={ApiVersion}");

    private async Task<EmailSendResult> ClassifyAsync(HttpResponseMessage response, string operationId, CancellationToken ct)
    {
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            var accepted = await ReadAsync<AcsSendAccepted>(response, ct);
            return new EmailSendResult.Sent(accepted?.Id ?? operationId);
        }

        var error = await DescribeErrorAsync(response, ct);
        var code = (int)response.StatusCode;
        return code is 408 or 429 or >= 500
            ? new EmailSendResult.RetryLater(HttpRetryAfter.Read(response, time), error)
            : new EmailSendResult.Failed(error);
    }

    private static async Task<string> DescribeErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await ReadAsync<AcsErrorResponse>(response, ct);
        var code = body?.Error?.Code
            ?? (response.Headers.TryGetValues("x-ms-error-code", out var values) ? values.FirstOrDefault() : null);
        return $"ACS {(int)response.StatusCode} {code ?? response.ReasonPhrase}: {body?.Error?.Message ?? "no error message"}";
    }

    // Error bodies from gateways and proxies are not always ACS JSON; an unreadable body is not a second error.
    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct)
        where T : class
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(AcsEmailRequest.Json, ct);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}
