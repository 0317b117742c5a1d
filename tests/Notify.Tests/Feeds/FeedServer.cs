using Microsoft.Extensions.DependencyInjection;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Feeds;

/// <summary>
/// The self-host for feed tests: loopback callback receivers allowed, live streams that look every 300 ms, small
/// storage pages so a list crosses many of them, and a clock a test can move forward (code expiry).
/// </summary>
public class FeedServer : NotifyServer
{
    public const int ListPageSize = 7;

    public TestClock Clock { get; } = new();

    /// <summary>A client that keeps no cookies, as a backend or an app would call the subscriber API: it proves itself with Bearer only.</summary>
    public HttpClient NoCookies { get; private set; } = null!;

    protected override IEnumerable<string> Settings =>
    [
        "--Notify:Webhooks:AllowPrivateNetworks=true",
        "--Notify:Feeds:LiveCheckSeconds=0.3",
        $"--Notify:Feeds:ListPageSize={ListPageSize}",
        .. MoreSettings,
    ];

    protected virtual IEnumerable<string> MoreSettings => [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        NoCookies = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = Http.BaseAddress };
    }

    public override async Task DisposeAsync()
    {
        NoCookies.Dispose();
        await base.DisposeAsync();
    }

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

/// <summary>Behind a trusted proxy (loopback), with a public base URL and a small read limit.</summary>
public sealed class ProxiedFeedServer : FeedServer
{
    public const int ReadsPerMinute = 3;
    public const string PublicBaseUrl = "https://notify.example.test/base";

    protected override IEnumerable<string> MoreSettings =>
    [
        "--Notify:Feeds:TrustedProxies:0=127.0.0.1",
        $"--Notify:Feeds:ReadsPerMinute={ReadsPerMinute}",
        $"--Notify:PublicBaseUrl={PublicBaseUrl}",
    ];
}
