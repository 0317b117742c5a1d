using Notify.Core.Pipeline;
using Notify.Core.Storage;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Hosting;

/// <summary>
/// The Functions app cannot be built here, so its source is held against the self-host and the core: every
/// endpoint, queue and timer has exactly one function, and no function points at something the core lacks.
/// </summary>
public sealed class FunctionsParityTests
{
    private static readonly string FunctionsDirectory = Path.Combine(RepositoryRoot.Path, "functions", "Notify.Functions");

    [Fact]
    public async Task Should_declare_one_function_for_every_core_endpoint_queue_and_timer()
    {
        var core = await CoreSurface.FromSelfHostAsync();
        var declared = FunctionSource.ReadDirectory(FunctionsDirectory);

        var problems = HostParity.Check(declared, core);

        Assert.True(problems.Count == 0, "The Functions app and the core differ:\n" + string.Join("\n", problems));
        // Guards against a surface read that found nothing, which would make the comparison vacuous.
        Assert.NotEmpty(core.Routes);
        Assert.NotEmpty(core.Queues);
    }

    [Fact]
    public async Task Should_report_a_function_whose_route_or_queue_the_core_lacks()
    {
        var core = await CoreSurface.FromSelfHostAsync();
        var bogus = """
            public sealed class BogusFunctions
            {
                private const string Prefix = "v3/";

                [Function(nameof(Bogus))]
                public Task<IResult> Bogus([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Prefix + "bogus/{id}")] HttpRequest req, string id) => null!;

                [Function("Stray")]
                public Task Stray([QueueTrigger("nosuchqueue")] string message, long dequeueCount) => Task.CompletedTask;
            }
            """;

        var problems = HostParity.Check(FunctionSource.Read([.. RealSources(), ("Bogus.cs", bogus)]), core);

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("'GET v3/bogus/{id}', which is no core endpoint"));
        Assert.Contains(problems, p => p.Contains("'nosuchqueue', which is no queue in QueueConsumers.All"));
    }

    [Fact]
    public async Task Should_report_each_core_endpoint_without_a_function()
    {
        var core = await CoreSurface.FromSelfHostAsync();
        var withoutUsers = RealSources().Where(f => Path.GetFileName(f.Path) != "V3UserFunctions.cs");

        var problems = HostParity.Check(FunctionSource.Read(withoutUsers), core);

        Assert.Equal(
            ["Missing function for core endpoint 'DELETE v3/users/{identifier}'", "Missing function for core endpoint 'POST v3/users'", "Missing function for core endpoint 'PUT v3/users/{identifier}'"],
            problems.Select(p => p[..p.IndexOf(':')]).Order());
    }

    [Fact]
    public void Should_report_a_timer_with_another_schedule_a_missing_timer_and_a_queue_function_without_dequeue_count()
    {
        var core = new CoreSurface([], [QueueNames.Sends], [new TimerJob("Refill", "0 */1 * * * *", typeof(object)), new TimerJob("Release", "0 */5 * * * *", typeof(object))]);
        var source = """
            public static class Schedules { public const string Hourly = "0 0 * * * *"; }

            public sealed class TimerFunctions
            {
                [Function(nameof(Refill))]
                public Task Refill([TimerTrigger(Schedules.Hourly)] TimerInfo timer) => Task.CompletedTask;

                [Function(nameof(Sends))]
                public Task Sends([QueueTrigger(QueueNames.Sends)] SendMessage message) => Task.CompletedTask;
            }
            """;

        var problems = HostParity.Check(FunctionSource.Read([("TimerFunctions.cs", source)]), core);

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("queue function 'Sends' has no 'long dequeueCount' parameter"));
        Assert.Contains(problems, p => p.StartsWith("Missing function for timer job in TimerJobs.All 'Release'"));
        Assert.Contains(problems, p => p.Contains("timer function 'Refill' runs on '0 0 * * * *' but timer job 'Refill' on '0 */1 * * * *'"));
    }

    private static IEnumerable<(string Path, string Text)> RealSources() =>
        Directory.EnumerateFiles(FunctionsDirectory, "*.cs").Select(path => (Path.GetFileName(path), File.ReadAllText(path)));
}
