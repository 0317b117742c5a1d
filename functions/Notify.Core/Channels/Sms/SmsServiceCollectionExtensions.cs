using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Notify.Core.Channels.Email.Acs;

namespace Notify.Core.Channels.Sms;

public static class SmsServiceCollectionExtensions
{
    private const string AcsClientName = "Notify.Sms.Acs";

    /// <summary>
    /// Binds and validates <see cref="SmsOptions"/> (section <c>Notify:Sms</c>) and registers the <see cref="ISmsSender"/>
    /// they choose: <see cref="AcsSmsSender"/>, or the <see cref="DevelopmentSmsOutbox"/> file when no provider is set.
    /// </summary>
    public static IServiceCollection AddSmsChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmsOptions>().Bind(configuration.GetSection(SmsOptions.SectionName))
            .Validate(o => o.Provider != SmsProvider.Acs || PhoneNumbers.IsE164(o.From) || IsSenderId(o.From),
                $"Provider 'Acs' needs {SmsOptions.SectionName}:From, an E.164 number or an alphanumeric sender id")
            .Validate(o => o.Provider != SmsProvider.Acs
                    || (!string.IsNullOrWhiteSpace(o.AcsConnectionString) ? AcsConnection.TryParse(o.AcsConnectionString, out _, out _)
                        : Uri.TryCreate(o.AcsEndpoint, UriKind.Absolute, out var endpoint) && endpoint.Scheme == Uri.UriSchemeHttps),
                $"Provider 'Acs' needs {SmsOptions.SectionName}:AcsConnectionString (endpoint=https://…/;accesskey=…) or an https AcsEndpoint for Entra ID")
            .ValidateOnStart();
        services.AddHttpClient(AcsClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddTransient<ISmsSender>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SmsOptions>>().Value;
            var time = sp.GetRequiredService<TimeProvider>();
            if (options.Provider == SmsProvider.Development)
                return new DevelopmentSmsOutbox(options.DevelopmentOutbox, time, sp.GetRequiredService<ILogger<DevelopmentSmsOutbox>>());
            var connection = string.IsNullOrWhiteSpace(options.AcsConnectionString)
                ? AcsConnection.FromTokenCredential(new Uri(options.AcsEndpoint!), new DefaultAzureCredential(), time)
                : AcsConnection.FromConnectionString(options.AcsConnectionString, time);
            return new AcsSmsSender(sp.GetRequiredService<IHttpClientFactory>().CreateClient(AcsClientName), connection, options.From!,
                options.DeliveryReports, time);
        });
        return services;
    }

    private static bool IsSenderId(string? from) => from is { Length: > 0 and <= 11 } && from.All(char.IsAsciiLetterOrDigit) && from.Any(char.IsAsciiLetter);
}
