using Microsoft.AspNetCore.Routing;
using Notify.Core.Pipeline;
using Notify.SelfHost;

namespace Notify.Tests.Hosting;

public sealed record HttpRoute(string Method, string Pattern)
{
    public override string ToString() => $"{Method} {Pattern}";
}

/// <summary>What the core serves: every HTTP route, queue and timer a host must run.</summary>
public sealed record CoreSurface(IReadOnlyList<HttpRoute> Routes, IReadOnlyList<string> Queues, IReadOnlyList<TimerJob> Timers)
{
    /// <summary>Routes the self-host adds for itself; the Functions host has its own health checks.</summary>
    private static readonly string[] SelfHostOnly = ["health"];

    /// <summary>Reads the routes of the real self-host; building it maps every endpoint without touching storage.</summary>
    public static async Task<CoreSurface> FromSelfHostAsync()
    {
        await using var app = SelfHostApp.Create(["--Logging:LogLevel:Default=Warning"]);
        var routes = ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Select(endpoint => (Pattern: FunctionSource.NormalizeRoute(endpoint.RoutePattern.RawText ?? ""), Methods: endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []))
            .Where(endpoint => !SelfHostOnly.Contains(endpoint.Pattern))
            .SelectMany(endpoint => endpoint.Methods.Select(method => new HttpRoute(method.ToUpperInvariant(), endpoint.Pattern)))
            .ToList();
        return new CoreSurface(routes, QueueConsumers.All.Select(c => c.Queue).ToList(), TimerJobs.All);
    }
}

/// <summary>Compares the Functions app's declarations with the core, both ways; each problem names what differs.</summary>
public static class HostParity
{
    public static IReadOnlyList<string> Check(FunctionSourceReport declared, CoreSurface core)
    {
        var problems = new List<string>(declared.Problems);
        problems.AddRange(declared.Functions.GroupBy(f => f.Name).Where(g => g.Count() > 1)
            .Select(g => $"Function name '{g.Key}' is declared {g.Count()} times: {Locations(g)}"));

        var http = declared.Functions.Where(f => f.Trigger == TriggerKind.Http)
            .SelectMany(f => f.HttpMethods.Select(m => (Route: new HttpRoute(m, f.Target), Function: f)))
            .ToLookup(x => x.Route, x => x.Function);
        problems.AddRange(Compare(core.Routes, http, "core endpoint",
            route => $"[HttpTrigger(AuthorizationLevel.Anonymous, \"{route.Method.ToLowerInvariant()}\", Route = \"{route.Pattern}\")]"));

        var queues = declared.Functions.Where(f => f.Trigger == TriggerKind.Queue).ToLookup(f => f.Target, f => f);
        problems.AddRange(Compare(core.Queues, queues, "queue in QueueConsumers.All",
            queue => $"[QueueTrigger(\"{queue}\")] TMessage message, long dequeueCount"));

        // A timer function is matched to its job by name, then must carry the job's schedule.
        var timers = declared.Functions.Where(f => f.Trigger == TriggerKind.Timer).ToLookup(f => f.Name, f => f);
        problems.AddRange(Compare(core.Timers.Select(t => t.Name).ToList(), timers, "timer job in TimerJobs.All",
            name => $"[Function(\"{name}\")] with [TimerTrigger(\"{core.Timers.First(t => t.Name == name).Schedule}\")]"));
        problems.AddRange(core.Timers.SelectMany(job => timers[job.Name]
            .Where(f => f.Target != job.Schedule)
            .Select(f => $"{f.Location}: timer function '{f.Name}' runs on '{f.Target}' but timer job '{job.Name}' on '{job.Schedule}'")));
        return problems;
    }

    private static IEnumerable<string> Compare<TKey>(IReadOnlyList<TKey> expected, ILookup<TKey, DeclaredFunction> declared, string what, Func<TKey, string> suggestion)
        where TKey : notnull
    {
        foreach (var key in expected.Distinct())
        {
            var functions = declared[key].ToList();
            if (functions.Count == 0)
                yield return $"Missing function for {what} '{key}': declare one with {suggestion(key)}";
            else if (functions.Count > 1)
                yield return $"{what} '{key}' has {functions.Count} functions: {Locations(functions)}";
        }
        foreach (var extra in declared.Where(g => !expected.Contains(g.Key)))
            yield return $"{Locations(extra)}: function '{string.Join("', '", extra.Select(f => f.Name))}' points at '{extra.Key}', which is no {what}";
    }

    private static string Locations(IEnumerable<DeclaredFunction> functions) =>
        string.Join(", ", functions.Select(f => $"{f.Name} ({f.Location})"));
}
