using Microsoft.Extensions.DependencyInjection;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Delivery;

/// <summary>
/// The self-host with real channel providers: its own MailDev for SMTP, loopback webhooks allowed, a
/// webhook budget of 5 an hour-long window and quick retries, and a clock a test can move forward.
/// </summary>
public sealed class ChannelServer : NotifyServer
{
    public const int WebhookBudget = 5;
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    public MailDevFixture MailDev { get; } = new();
    public TestClock Clock { get; } = new();

    protected override IEnumerable<string> Settings =>
    [
        "--Notify:Email:Provider=Smtp",
        "--Notify:Email:SmtpHost=127.0.0.1",
        $"--Notify:Email:SmtpPort={MailDev.SmtpPort}",
        "--Notify:Email:SenderAddress=notify@notify.test",
        "--Notify:Email:SenderName=Notify Tests",
        "--Notify:Webhooks:AllowPrivateNetworks=true",
        $"--Notify:RateLimits:WindowSeconds={(int)Window.TotalSeconds}",
        $"--Notify:RateLimits:webhook:PerMinute={WebhookBudget}",
        "--Notify:Retries:InitialDelaySeconds=0.05",
        "--Notify:Retries:MaxDelaySeconds=0.1",
        "--Notify:Retries:MaxAttempts=3",
    ];

    public override async Task InitializeAsync()
    {
        await MailDev.InitializeAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await MailDev.DisposeAsync();
    }

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}
