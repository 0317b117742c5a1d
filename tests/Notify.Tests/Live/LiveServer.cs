using Microsoft.Extensions.DependencyInjection;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Live;

/// <summary>The self-host with a quick live check, and a clock tests can move (ticket expiry).</summary>
public class LiveServer : NotifyServer
{
    public TestClock Clock { get; } = new();

    protected override IEnumerable<string> Settings => ["--Notify:Live:CheckSeconds=0.5", "--Notify:Live:StreamSeconds=120"];

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}
