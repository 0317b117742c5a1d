using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Notify.Core.Channels.Webhooks;

public static class WebhookServiceCollectionExtensions
{
    private const string ClientName = "Notify.Webhooks";

    /// <summary>
    /// Binds <see cref="WebhookOptions"/> (section <c>Notify:Webhooks</c>) and registers <see cref="WebhookSender"/>
    /// over a pooled HttpClient that does not follow redirects (a receiver must not bounce signed payloads elsewhere)
    /// and, unless allowed, refuses to connect to private networks.
    /// </summary>
    public static IServiceCollection AddWebhookChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.SectionName))
            .Validate(options => options.TimeoutSeconds is >= 1 and <= 120, $"{WebhookOptions.SectionName}:TimeoutSeconds must be 1–120.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(ClientName)
            .ConfigureHttpClient((sp, client) =>
                client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.TimeoutSeconds))
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var allowPrivate = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateNetworks;
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    ConnectCallback = (context, ct) => WebhookDestinationGuard.ConnectAsync(context, allowPrivate, ct),
                };
            });
        services.AddTransient(sp => new WebhookSender(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
