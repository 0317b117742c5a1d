using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Notify.Core.Channels.Webhooks;

public static class WebhookServiceCollectionExtensions
{
    private const string ClientName = "Notify.Webhooks";

    /// <summary>
    /// Registers <see cref="WebhookSender"/> over a pooled HttpClient that does not follow redirects (a receiver
    /// must not bounce signed payloads elsewhere) and gives up on a silent receiver after <paramref name="timeout"/>
    /// (15 s by default, which also bounds how long one slow receiver holds a queue worker).
    /// </summary>
    public static IServiceCollection AddWebhookChannel(this IServiceCollection services, TimeSpan? timeout = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(ClientName, client => client.Timeout = timeout ?? TimeSpan.FromSeconds(15))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddTransient(sp => new WebhookSender(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
