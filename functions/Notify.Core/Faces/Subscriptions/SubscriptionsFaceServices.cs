using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Notify.Core.Feeds;
using Notify.Core.Feeds.Callbacks;

namespace Notify.Core.Faces.Subscriptions;

public static class SubscriptionsFaceServices
{
    /// <summary>Feeds, their subscriptions, notifications and callbacks, and this face's endpoints.</summary>
    public static IServiceCollection AddSubscriptionsFace(this IServiceCollection services)
    {
        services.AddOptions<FeedOptions>()
            .BindConfiguration(FeedOptions.Section)
            .Configure<IConfiguration>((o, configuration) => o.PublicBaseUrl ??= configuration["Notify:PublicBaseUrl"])
            .Validate(o => o.PublicBaseUrl is null or "" || Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https",
                "Notify:PublicBaseUrl must be an absolute http(s) URL")
            .Validate(o => o.TrustedProxies.All(IsNetwork), "Notify:Feeds:TrustedProxies holds addresses or CIDR ranges only")
            .Validate(o => o.CodeLifetimeMinutes > 0 && o.ReadsPerMinute > 0 && o.SendsPerMinute > 0 && o.SubscriberCallsPerMinute > 0,
                "Notify:Feeds code lifetime and rate limits must be positive")
            .Validate(o => o.LiveCheckSeconds > 0 && o.LiveStreamSeconds > 0 && o.ListPageSize is > 0 and <= 1000,
                "Notify:Feeds:LiveCheckSeconds and LiveStreamSeconds must be positive, ListPageSize 1–1000")
            .ValidateOnStart();
        services.AddSingleton<FeedStore>();
        services.AddSingleton<SubscriptionStore>();
        services.AddSingleton<SubscriptionCodes>();
        services.AddSingleton<Subscribers>();
        services.AddSingleton<FeedNotifications>();
        services.AddSingleton<FeedCallbacks>();
        services.AddSingleton<FeedCallbackLog>();
        services.AddSingleton<FeedSubscriptions>();
        services.AddTransient<FeedCallbackHandler>();

        services.AddSingleton<ClientAddress>();
        services.AddSingleton<RequestThrottle>();
        services.AddSingleton<PublicLinks>();
        services.AddSingleton<LiveUpdates>();
        services.AddSingleton<SubscriberGate>();
        services.AddSingleton<ChannelEndpoints>();
        services.AddSingleton<SubscriberCodeEndpoints>();
        services.AddSingleton<SubscriberSubscriptionEndpoints>();
        return services;
    }

    private static bool IsNetwork(string value) =>
        value.Contains('/') ? IPNetwork.TryParse(value, out _) : IPAddress.TryParse(value, out _);
}
