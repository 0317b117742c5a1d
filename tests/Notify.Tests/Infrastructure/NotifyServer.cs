using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Notify.Core.Storage;
using Notify.SelfHost;
using Notify.SelfHost.Queues;

namespace Notify.Tests.Infrastructure;

/// <summary>
/// The self-host on a loopback port over the shared Azurite, with a storage prefix of its own, so each
/// test class sees only its own tables and queues. Used as an xunit class fixture.
/// </summary>
public class NotifyServer : IAsyncLifetime
{
    public const string OperatorKey = "test-operator-key";
    private WebApplication? app;

    /// <summary>Set to another server's prefix to run a second instance over the same storage.</summary>
    public string Prefix { get; init; } = "t" + Guid.NewGuid().ToString("N")[..10];
    public HttpClient Http { get; private set; } = null!;
    public NotifyStorage Storage => Services.GetRequiredService<NotifyStorage>();
    public IServiceProvider Services => app!.Services;

    /// <summary>Whether the queue pollers run; tests of a single stage turn them off and call the handler.</summary>
    protected virtual bool RunPipeline => true;

    protected virtual IEnumerable<string> Settings => [];

    /// <summary>Runs after the host's registrations, so a fixture can replace any of them.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public virtual async Task InitializeAsync()
    {
        var storage = await Azurite.ConnectionStringAsync();
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            $"--AzureWebJobsStorage={storage}",
            $"--Notify:StoragePrefix={Prefix}",
            $"--Notify:OperatorKey={OperatorKey}",
            "--Logging:LogLevel:Default=Warning",
            .. Settings,
        ];
        app = SelfHostApp.Create(args, builder =>
        {
            builder.Services.AddSingleton(new QueueHostOptions
            {
                BatchSize = 16,
                NewBatchThreshold = 8,
                MaxPollingInterval = TimeSpan.FromMilliseconds(200),
                VisibilityTimeout = TimeSpan.Zero,
                MaxDequeueCount = 3,
            });
            if (!RunPipeline) RemovePollers(builder.Services);
            ConfigureServices(builder.Services);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) };
    }

    public virtual async Task DisposeAsync()
    {
        Http.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    private static void RemovePollers(IServiceCollection services)
    {
        var pollers = services.Where(d => d.ImplementationType == typeof(QueuePollers)).ToList();
        foreach (var descriptor in pollers) services.Remove(descriptor);
    }
}

/// <summary>A server whose queues are left alone, for tests that drive pipeline stages by hand.</summary>
public sealed class NotifyServerWithoutPipeline : NotifyServer
{
    protected override bool RunPipeline => false;
}

/// <summary>A server whose clock a test can move forward, for schedules days or weeks ahead.</summary>
public sealed class ClockedNotifyServer : NotifyServer
{
    public TestClock Clock { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}
