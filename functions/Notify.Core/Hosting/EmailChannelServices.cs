using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Notify.Core.Channels.Email;
using Notify.Core.Channels.Email.Acs;
using Notify.Core.Channels.Email.Smtp;

namespace Notify.Core.Hosting;

public static class EmailChannelServices
{
    private const string AcsClientName = "Notify.Email.Acs";

    /// <summary>
    /// Binds and validates <see cref="EmailOptions"/> (section <c>Notify:Email</c>) at start-up and registers the
    /// <see cref="IEmailSender"/> the options choose: <see cref="AcsEmailSender"/> or <see cref="SmtpEmailSender"/>.
    /// </summary>
    public static IServiceCollection AddEmailChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton(sp => CreateAcsConnection(sp.GetRequiredService<IOptions<EmailOptions>>().Value, sp));
        services.AddHttpClient(AcsClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddTransient(sp => new AcsEmailSender(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(AcsClientName),
            sp.GetRequiredService<AcsConnection>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<EmailOptions>>().Value.AcsEngagementTracking));
        services.AddSingleton(sp => new SmtpEmailSender(sp.GetRequiredService<IOptions<EmailOptions>>().Value));

        services.AddTransient<IEmailSender>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.Provider switch
        {
            EmailProvider.Acs => sp.GetRequiredService<AcsEmailSender>(),
            _ => sp.GetRequiredService<SmtpEmailSender>(),
        });
        return services;
    }

    private static AcsConnection CreateAcsConnection(EmailOptions options, IServiceProvider sp)
    {
        var time = sp.GetRequiredService<TimeProvider>();
        return string.IsNullOrWhiteSpace(options.AcsConnectionString)
            ? AcsConnection.FromTokenCredential(new Uri(options.AcsEndpoint!), new DefaultAzureCredential(), time)
            : AcsConnection.FromConnectionString(options.AcsConnectionString, time);
    }
}
