using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Notify.Core.Channels;
using Notify.Core.Channels.Email;
using Notify.Core.Channels.Sms;
using Notify.Core.Channels.Webhooks;
using Notify.Core.Deliveries;
using Notify.Core.Pipeline;
using Notify.Core.RateLimits;
using Notify.Core.Templates;

namespace Notify.Core.Hosting;

public static class DeliveryChannelServices
{
    /// <summary>Email, SMS and webhook delivery, templates, rate budgets and retries.</summary>
    public static IServiceCollection AddDeliveryChannels(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddEmailChannel(configuration);
        services.AddWebhookChannel(configuration);
        services.AddSmsChannel(configuration);
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section), o => o.ErrorOnUnknownConfiguration = false)
            .Configure(o => BindChannelLimits(o, configuration.GetSection(RateLimitOptions.Section)))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        services.AddOptions<DeliveryRetryOptions>().Bind(configuration.GetSection(DeliveryRetryOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DeliveryRetryOptions>, DeliveryRetryOptionsValidator>();

        services.AddSingleton<TemplateRenderer>();
        services.AddSingleton<TemplateStore>();
        services.AddSingleton<InAppTemplates>();
        services.AddSingleton<RateBudgetStore>();
        services.AddSingleton<RateBudgets>();
        services.AddSingleton<WaitingStore>();
        services.AddSingleton<ChannelRetries>();
        services.AddSingleton<ChannelDispatch>();
        services.AddTransient<IChannelSender, EmailChannelSender>();
        services.AddTransient<IChannelSender, WebhookChannelSender>();
        services.AddTransient<IChannelSender, SmsChannelSender>();
        services.AddTransient<ChannelHandler>();
        services.AddSingleton<ReleaseWaitingJob>();
        return services;
    }

    /// <summary>Channel limits sit beside the window setting: <c>Notify:RateLimits:email:PerMinute</c>. One that is no number reads as 0, which validation refuses.</summary>
    private static void BindChannelLimits(RateLimitOptions options, IConfigurationSection section)
    {
        foreach (var channel in section.GetChildren().Where(c => c["PerMinute"] is not null))
            options.Channels[channel.Key] = new ChannelLimit { PerMinute = int.TryParse(channel["PerMinute"], out var perMinute) ? perMinute : 0 };
    }
}
