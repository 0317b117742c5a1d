using System.Globalization;
using System.Net;
using System.Text;

namespace Notify.Core.Channels.Webhooks;

/// <summary>
/// POSTs a signed Standard Webhooks message and classifies the answer.
/// Every non-2xx answer except 410 is <see cref="WebhookResult.RetryLater"/>, 4xx included: Standard Webhooks counts
/// any non-2xx as a failed attempt to retry with backoff, a receiver's 4xx is often a deploy or config slip on
/// their side, and the caller's finite <see cref="RetryBackoff"/> schedule bounds the cost of retrying.
/// Redirects are not followed (the handler is registered without them), so a 3xx is a failed attempt too.
/// </summary>
public sealed class WebhookSender(HttpClient http, TimeProvider time)
{
    public async Task<WebhookResult> SendAsync(WebhookRequest request, CancellationToken ct)
    {
        if (!request.Url.IsAbsoluteUri || request.Url.Scheme is not ("https" or "http"))
        {
            return new WebhookResult.Failed($"Webhook URL must be an absolute http(s) URL (got '{request.Url}').");
        }

        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        string signature;
        try
        {
            signature = StandardWebhookSigner.Sign(request.Secret, request.WebhookId, timestamp, request.Body);
        }
        catch (FormatException)
        {
            return new WebhookResult.Failed("Webhook secret is not whsec_ followed by base64.");
        }

        using var message = new HttpRequestMessage(HttpMethod.Post, request.Url)
        {
            Content = new StringContent(request.Body, Encoding.UTF8, "application/json"),
        };
        message.Headers.Add("webhook-id", request.WebhookId);
        message.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        message.Headers.Add("webhook-signature", signature);
        if (request.Authorization is not null) message.Headers.TryAddWithoutValidation("Authorization", request.Authorization);
        try
        {
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct);
            return Classify(response);
        }
        catch (HttpRequestException e) when (e.InnerException is WebhookDestinationBlockedException blocked)
        {
            return new WebhookResult.Failed(blocked.Message);
        }
        catch (HttpRequestException e)
        {
            return new WebhookResult.RetryLater(null, null, $"Webhook endpoint unreachable: {e.Message}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new WebhookResult.RetryLater(null, null, "Webhook endpoint timed out.");
        }
    }

    private WebhookResult Classify(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            return new WebhookResult.Delivered(status);
        }

        var error = $"Webhook endpoint answered {status} {response.ReasonPhrase}.";
        return response.StatusCode == HttpStatusCode.Gone
            ? new WebhookResult.Disabled(error)
            : new WebhookResult.RetryLater(HttpRetryAfter.Read(response, time), status, error);
    }
}
