using Notify.Core.Apps;

namespace Notify.Core.Channels.Webhooks;

/// <summary>An app's webhook endpoint: where its webhook deliveries go and the secret that signs them.</summary>
public static class WebhookEndpoint
{
    /// <summary>Setting a URL (again) re-enables an endpoint that answered 410, and makes its signing secret the first time.</summary>
    public static void Set(App app, Uri? url)
    {
        app.WebhookUrl = url?.OriginalString;
        if (url is null) return;
        app.WebhookSecret ??= StandardWebhookSigner.GenerateSecret();
        app.WebhookDisabled = false;
    }
}
