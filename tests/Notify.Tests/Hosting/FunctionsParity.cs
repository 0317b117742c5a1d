using Notify.Core.Faces.Kit;
using Notify.Core.Pipeline;

namespace Notify.Tests.Hosting;

/// <summary>What the core asks of a host: the API faces with their prefixes, the queues and the timers.</summary>
public sealed record CoreSurface(IReadOnlyList<ApiFace> Faces, IReadOnlyList<string> Queues, IReadOnlyList<TimerJob> Timers)
{
    public static CoreSurface Real { get; } = new(
        Notify.Core.Hosting.ApiFaces.All,
        QueueConsumers.All.Select(c => c.Queue).ToList(),
        TimerJobs.All);
}

/// <summary>
/// Holds the Functions app's generated functions.metadata against the core, both ways: every face prefix, queue and
/// timer has exactly one function, and every function points at something the core has. Each problem names its culprit.
/// </summary>
public static class FunctionsParity
{
    /// <summary>The Functions host refuses HTTP functions whose route starts with these (built-in routes).</summary>
    public static readonly string[] ReservedRouteStarts = ["admin", "runtime"];

    public const string HttpBindingName = "req";
    public const string QueueBindingName = "message";
    public const string TimerBindingName = "timer";

    public static IReadOnlyList<string> Check(IReadOnlyList<FunctionMetadata> functions, CoreSurface core)
    {
        var problems = new List<string>();
        problems.AddRange(CheckFaces(core.Faces));
        problems.AddRange(functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => $"Function name '{g.Key}' is used {g.Count()} times: {string.Join(", ", g)}"));
        var triggered = new List<(FunctionMetadata Function, BindingMetadata Trigger)>();
        foreach (var function in functions)
        {
            if (function.Triggers.Count == 1) triggered.Add((function, function.Triggers[0]));
            else problems.Add($"Function {function} has {function.Triggers.Count} triggers; expected exactly one");
        }
        problems.AddRange(CheckHttp(Of(triggered, FunctionMetadata.HttpTrigger), core.Faces));
        problems.AddRange(CheckQueues(Of(triggered, FunctionMetadata.QueueTrigger), core.Queues));
        problems.AddRange(CheckTimers(Of(triggered, FunctionMetadata.TimerTrigger), core.Timers));
        return problems;
    }

    /// <summary>Every route falls under one of its face's prefixes, no prefix has two faces, no route is reserved.</summary>
    public static IEnumerable<string> CheckFaces(IReadOnlyList<ApiFace> faces)
    {
        foreach (var prefix in faces.SelectMany(f => f.Prefixes.Select(p => (Prefix: p, Face: f.Name))).GroupBy(x => x.Prefix).Where(g => g.Count() > 1))
            yield return $"Prefix '{prefix.Key}' belongs to more than one face: {string.Join(", ", prefix.Select(x => x.Face))}";
        foreach (var face in faces)
        {
            foreach (var route in face.Routes.Where(r => face.PrefixOf(r.Template) is null))
                yield return $"Route '{route}' of face '{face.Name}' is under none of its prefixes ({string.Join(", ", face.Prefixes)}): the Functions app cannot reach it";
            foreach (var route in face.Routes.Where(r => IsReserved(r.Template)))
                yield return $"Route '{route}' of face '{face.Name}' starts with a route the Functions host reserves ({string.Join(", ", ReservedRouteStarts)})";
        }
    }

    public static bool IsReserved(string route) =>
        ReservedRouteStarts.Any(word => route.TrimStart('/').StartsWith(word, StringComparison.OrdinalIgnoreCase));

    public static string ForwardingRoute(string prefix) => prefix + "/{*path}";

    private static IEnumerable<string> CheckHttp(IReadOnlyList<(FunctionMetadata Function, BindingMetadata Trigger)> http, IReadOnlyList<ApiFace> faces)
    {
        var byRoute = http.ToLookup(x => x.Trigger.Route ?? "", StringComparer.OrdinalIgnoreCase);
        foreach (var face in faces)
        {
            var methods = face.Routes.Select(r => r.Method.ToUpperInvariant()).Distinct().Order().ToList();
            foreach (var prefix in face.Prefixes)
            {
                var route = ForwardingRoute(prefix);
                var forwarding = byRoute[route].ToList();
                if (forwarding.Count == 0)
                {
                    yield return $"Missing function for prefix '{prefix}' of face '{face.Name}': declare [Function(...)] with " +
                                 $"[HttpTrigger(AuthorizationLevel.Anonymous, {string.Join(", ", methods.Select(m => $"\"{m.ToLowerInvariant()}\""))}, Route = \"{route}\")] HttpRequest req returning dispatcher.Forward(\"{face.Name}\")";
                    continue;
                }
                if (forwarding.Count > 1)
                {
                    yield return $"Prefix '{prefix}' of face '{face.Name}' has {forwarding.Count} functions: {string.Join(", ", forwarding.Select(x => x.Function))}";
                    continue;
                }
                var (function, trigger) = forwarding[0];
                var accepted = (trigger.Methods ?? []).Select(m => m.ToUpperInvariant()).ToHashSet();
                var refused = methods.Where(m => !accepted.Contains(m)).ToList();
                if (refused.Count > 0)
                    yield return $"Function {function} for prefix '{prefix}' does not accept {string.Join(", ", refused)}, which face '{face.Name}' serves";
            }
        }
        var prefixes = faces.SelectMany(f => f.Prefixes).Select(ForwardingRoute).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (function, trigger) in http)
        {
            if (!prefixes.Contains(trigger.Route ?? ""))
                yield return $"Function {function} has route '{trigger.Route}', which is no '{{prefix}}/{{*path}}' of a face in ApiFaces.All";
            if (IsReserved(trigger.Route ?? function.Name))
                yield return $"Function {function} has route '{trigger.Route}', which the Functions host reserves: it would not be loaded";
            if (!string.Equals(trigger.AuthLevel, "Anonymous", StringComparison.OrdinalIgnoreCase))
                yield return $"Function {function} has auth level '{trigger.AuthLevel}'; it must be Anonymous, as the core authenticates every call itself";
            if (trigger.Name != HttpBindingName)
                yield return $"Function {function} binds its request as '{trigger.Name}'; expected '{HttpBindingName}'";
            if (!function.Bindings.Any(b => b.Name == "$return" && b.Type.Equals("http", StringComparison.OrdinalIgnoreCase) && b.Direction.Equals("Out", StringComparison.OrdinalIgnoreCase)))
                yield return $"Function {function} has no http '$return' output binding: its result would not become the response";
        }
    }

    private static IEnumerable<string> CheckQueues(IReadOnlyList<(FunctionMetadata Function, BindingMetadata Trigger)> queueFunctions, IReadOnlyList<string> queues)
    {
        var byQueue = queueFunctions.ToLookup(x => x.Trigger.QueueName ?? "");
        foreach (var queue in queues.Distinct())
        {
            var functions = byQueue[queue].ToList();
            if (functions.Count == 0)
                yield return $"Missing function for queue '{queue}' of QueueConsumers.All: declare one with [QueueTrigger(QueueNames.…)] TMessage {QueueBindingName}, long dequeueCount, CancellationToken ct";
            else if (functions.Count > 1)
                yield return $"Queue '{queue}' has {functions.Count} functions: {string.Join(", ", functions.Select(x => x.Function))}";
        }
        foreach (var (function, trigger) in queueFunctions)
        {
            if (!queues.Contains(trigger.QueueName ?? ""))
                yield return $"Function {function} listens on queue '{trigger.QueueName}', which is no queue of QueueConsumers.All";
            if (trigger.Name != QueueBindingName)
                yield return $"Function {function} binds its message as '{trigger.Name}'; expected '{QueueBindingName}'";
        }
    }

    private static IEnumerable<string> CheckTimers(IReadOnlyList<(FunctionMetadata Function, BindingMetadata Trigger)> timerFunctions, IReadOnlyList<TimerJob> timers)
    {
        var byName = timerFunctions.ToLookup(x => x.Function.Name);
        foreach (var job in timers)
        {
            var functions = byName[job.Name].ToList();
            if (functions.Count == 0)
                yield return $"Missing function for timer job '{job.Name}' of TimerJobs.All: declare [Function(\"{job.Name}\")] with [TimerTrigger(\"{job.Schedule}\")] TimerInfo {TimerBindingName}";
            else if (functions.Count > 1)
                yield return $"Timer job '{job.Name}' has {functions.Count} functions: {string.Join(", ", functions.Select(x => x.Function))}";
            foreach (var (function, trigger) in functions.Where(x => x.Trigger.Schedule != job.Schedule))
                yield return $"Function {function} runs on '{trigger.Schedule}' but timer job '{job.Name}' on '{job.Schedule}'";
        }
        foreach (var (function, trigger) in timerFunctions)
        {
            if (!timers.Any(t => t.Name == function.Name))
                yield return $"Timer function {function} matches no timer job of TimerJobs.All by name";
            if (trigger.Name != TimerBindingName)
                yield return $"Function {function} binds its timer as '{trigger.Name}'; expected '{TimerBindingName}'";
        }
    }

    private static List<(FunctionMetadata Function, BindingMetadata Trigger)> Of(IEnumerable<(FunctionMetadata Function, BindingMetadata Trigger)> triggered, string type) =>
        triggered.Where(x => x.Trigger.Type.Equals(type, StringComparison.OrdinalIgnoreCase)).ToList();
}
