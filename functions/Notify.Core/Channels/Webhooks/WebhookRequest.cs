namespace Notify.Core.Channels.Webhooks;

/// <summary>
/// One webhook call. <see cref="DeliveryId"/> is stable across retries; the <c>webhook-id</c> header is derived
/// from it so that receivers can de-duplicate. <see cref="Body"/> is the JSON payload, sent and signed as is.
/// <see cref="Authorization"/> is sent as the <c>Authorization</c> header when a receiver also expects a credential.
/// </summary>
public sealed record WebhookRequest(string DeliveryId, Uri Url, string Secret, string Body, string? Authorization = null)
{
    /// <summary>The <c>webhook-id</c> header value: <c>msg_</c> + a token derived from the delivery id.</summary>
    public string WebhookId => "msg_" + DeliveryKeys.Token(DeliveryId);
}
