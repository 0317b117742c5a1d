using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Notify.Core.Channels.Email;
using Notify.Core.Hosting;
using Notify.Core.Channels.Email.Acs;
using Notify.Core.Channels.Email.Smtp;

namespace Notify.Tests.Channels.Email;

public sealed class EmailRegistrationTests
{
    private static ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create($"Notify:Email:{setting.Key}", (string?)setting.Value)))
            .Build();
        return new ServiceCollection().AddEmailChannel(configuration).BuildServiceProvider();
    }

    [Fact]
    public void Should_register_the_smtp_sender_when_provider_is_smtp()
    {
        using var services = Build(("Provider", "Smtp"), ("SmtpHost", "127.0.0.1"), ("SmtpPort", "1025"), ("SenderAddress", "noreply@notify.test"));

        Assert.IsType<SmtpEmailSender>(services.GetRequiredService<IEmailSender>());
    }

    [Fact]
    public void Should_register_the_acs_sender_when_provider_is_acs()
    {
        using var services = Build(
            ("Provider", "Acs"),
            ("AcsConnectionString", $"endpoint=https://notify.communication.azure.com/;accesskey={Convert.ToBase64String(new byte[32])}"),
            ("SenderAddress", "noreply@notify.test"));

        Assert.IsType<AcsEmailSender>(services.GetRequiredService<IEmailSender>());
    }

    [Fact]
    public void Should_explain_each_problem_when_acs_settings_are_incomplete()
    {
        using var services = Build(("Provider", "Acs"), ("SenderAddress", "not an address"));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<EmailOptions>>().Value);

        Assert.Contains(error.Failures, failure => failure.Contains("SenderAddress must be an email address"));
        Assert.Contains(error.Failures, failure => failure.Contains("AcsConnectionString") && failure.Contains("AcsEndpoint"));
    }

    [Theory]
    [InlineData("endpoint=https://x.communication.azure.com/", "accesskey")]
    [InlineData("accesskey=AAAA", "endpoint")]
    public void Should_reject_malformed_connection_strings(string connectionString, string missing)
    {
        using var services = Build(("Provider", "Acs"), ("AcsConnectionString", connectionString), ("SenderAddress", "a@b.test"));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<EmailOptions>>().Value);

        Assert.Contains(missing, Assert.Single(error.Failures));
    }

    [Fact]
    public void Should_require_host_and_paired_credentials_when_provider_is_smtp()
    {
        using var services = Build(("SmtpHost", ""), ("SmtpUserName", "user"), ("SmtpPort", "70000"), ("SenderAddress", "a@b.test"));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<EmailOptions>>().Value);

        Assert.Equal(3, error.Failures.Count());
    }
}
