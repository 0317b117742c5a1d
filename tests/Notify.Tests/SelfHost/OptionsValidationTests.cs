using Microsoft.Extensions.Options;
using Notify.SelfHost;

namespace Notify.Tests.SelfHost;

/// <summary>Settings that would park a channel, spin retries or refuse every call stop the host at start, naming the setting.</summary>
public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("--Notify:RateLimits:email:PerMinute=0", "Notify:RateLimits:email:PerMinute must be a positive number")]
    [InlineData("--Notify:RateLimits:webhook:PerMinute=lots", "Notify:RateLimits:webhook:PerMinute must be a positive number")]
    [InlineData("--Notify:RateLimits:WindowSeconds=0", "Notify:RateLimits:WindowSeconds must be between 1 and 86400")]
    [InlineData("--Notify:Retries:InitialDelaySeconds=-1", "Notify:Retries:InitialDelaySeconds must not be negative")]
    [InlineData("--Notify:Retries:MaxAttempts=1000", "Notify:Retries:MaxAttempts must be between 0 (the channel's own) and 100")]
    [InlineData("--Notify:MaxRequestBodyBytes=0", "Notify:MaxRequestBodyBytes must be between 1024 and 67108864")]
    [InlineData("--Notify:MaxRecipientsPerSend=0", "Notify:MaxRecipientsPerSend must be between 1 and 1000000")]
    public async Task Should_refuse_to_start_with_a_setting_out_of_range(string setting, string message)
    {
        await using var app = SelfHostApp.Create(["--urls=http://127.0.0.1:0", "--AzureWebJobsStorage=UseDevelopmentStorage=true", setting]);

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(refused.Failures, f => f.StartsWith(message, StringComparison.Ordinal));
    }
}
