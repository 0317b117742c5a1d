using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Notify.Core.Faces.Kit;
using Notify.Core.Pipeline;
using Notify.Core.Storage;
using Notify.SelfHost;

namespace Notify.Tests.Hosting;

/// <summary>
/// The functions.metadata of the real build of Notify.Functions, held against the core; and proof, on altered
/// metadata and altered faces, that a missing, extra or wrong function is reported by name.
/// </summary>
public sealed class FunctionsParityTests
{
    [Fact]
    public void Should_have_one_function_for_every_face_prefix_queue_and_timer_in_the_built_metadata()
    {
        var functions = FunctionMetadata.Parse(FunctionsBuild.ReadMetadata());

        var problems = FunctionsParity.Check(functions, CoreSurface.Real);

        Assert.True(problems.Count == 0, "functions.metadata and the core differ:\n" + string.Join("\n", problems));
        // Guards against a read that found nothing, which would make the comparison vacuous.
        var prefixes = CoreSurface.Real.Faces.Sum(f => f.Prefixes.Count);
        Assert.Equal(prefixes + QueueConsumers.All.Count + TimerJobs.All.Count, functions.Count);
    }

    [Fact]
    public async Task Should_serve_no_route_starting_with_admin_or_runtime_in_either_host()
    {
        var functionsRoutes = FunctionMetadata.Parse(FunctionsBuild.ReadMetadata())
            .SelectMany(f => f.Bindings).Where(b => b.Type == FunctionMetadata.HttpTrigger).Select(b => b.Route!).ToList();
        var selfHostRoutes = await SelfHostRoutesAsync();

        Assert.NotEmpty(functionsRoutes);
        Assert.Contains("v3/notifications", selfHostRoutes);
        Assert.DoesNotContain(functionsRoutes.Concat(selfHostRoutes), FunctionsParity.IsReserved);
    }

    [Fact]
    public void Should_name_the_face_prefix_without_a_function()
    {
        var problems = Check(metadata => metadata.Remove(Function(metadata, "V3")));

        var problem = Assert.Single(problems);
        Assert.StartsWith("Missing function for prefix 'v3' of face 'V3'", problem);
        Assert.Contains("Route = \"v3/{*path}\"", problem);
    }

    [Fact]
    public void Should_name_a_function_that_points_at_no_face_queue_or_timer()
    {
        var problems = Check(metadata =>
        {
            var bogusHttp = Function(metadata, "V3").DeepClone();
            bogusHttp["name"] = "Bogus";
            Trigger(bogusHttp)["route"] = "bogus/{*path}";
            metadata.Add(bogusHttp);
            var strayQueue = Function(metadata, "Sends").DeepClone();
            strayQueue["name"] = "Stray";
            Trigger(strayQueue)["queueName"] = "nosuchqueue";
            metadata.Add(strayQueue);
            var strayTimer = Function(metadata, "ReleaseSchedules").DeepClone();
            strayTimer["name"] = "Nightly";
            metadata.Add(strayTimer);
        });

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Function 'Bogus' (") && p.Contains("route 'bogus/{*path}', which is no '{prefix}/{*path}' of a face"));
        Assert.Contains(problems, p => p.StartsWith("Function 'Stray' (") && p.Contains("queue 'nosuchqueue', which is no queue of QueueConsumers.All"));
        Assert.Contains(problems, p => p.StartsWith("Timer function 'Nightly' (") && p.Contains("matches no timer job"));
    }

    [Fact]
    public void Should_name_a_second_function_for_the_same_prefix_or_queue()
    {
        var problems = Check(metadata =>
        {
            var second = Function(metadata, "Operator").DeepClone();
            second["name"] = "OperatorAgain";
            metadata.Add(second);
            var secondQueue = Function(metadata, "Deliveries").DeepClone();
            secondQueue["name"] = "DeliveriesAgain";
            metadata.Add(secondQueue);
        });

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Prefix 'operator' of face 'Operator' has 2 functions") && p.Contains("'OperatorAgain'"));
        Assert.Contains(problems, p => p.StartsWith($"Queue '{QueueNames.Deliveries}' has 2 functions") && p.Contains("'DeliveriesAgain'"));
    }

    [Fact]
    public void Should_name_wrong_methods_auth_level_binding_names_schedule_and_reserved_route()
    {
        var problems = Check(metadata =>
        {
            var v3 = Trigger(Function(metadata, "V3"));
            v3["methods"] = new JsonArray("get", "post");
            v3["authLevel"] = "Function";
            Trigger(Function(metadata, "Email"))["name"] = "body";
            Trigger(Function(metadata, "ReleaseWaitingDeliveries"))["schedule"] = "0 0 * * * *";
            Trigger(Function(metadata, "Operator"))["route"] = "admin/{*path}";
        });

        Assert.Contains(problems, p => p.StartsWith("Function 'V3' (") && p.EndsWith("does not accept DELETE, PATCH, PUT, which face 'V3' serves"));
        Assert.Contains(problems, p => p.StartsWith("Function 'V3' (") && p.Contains("auth level 'Function'"));
        Assert.Contains(problems, p => p.StartsWith("Function 'Email' (") && p.Contains("binds its message as 'body'"));
        Assert.Contains(problems, p => p.StartsWith("Function 'ReleaseWaitingDeliveries' (") && p.Contains($"runs on '0 0 * * * *' but timer job 'ReleaseWaitingDeliveries' on '{TimerJobs.All.Single(t => t.Name == "ReleaseWaitingDeliveries").Schedule}'"));
        Assert.Contains(problems, p => p.StartsWith("Function 'Operator' (") && p.Contains("'admin/{*path}', which the Functions host reserves"));
        Assert.Contains(problems, p => p.StartsWith("Function 'Operator' (") && p.Contains("'admin/{*path}', which is no '{prefix}/{*path}' of a face"));
        Assert.Contains(problems, p => p.StartsWith("Missing function for prefix 'operator' of face 'Operator'"));
        Assert.Equal(7, problems.Count);
    }

    [Fact]
    public void Should_name_each_queue_and_timer_of_the_core_without_a_function()
    {
        var problems = Check(metadata =>
        {
            metadata.Remove(Function(metadata, "Webhook"));
            metadata.Remove(Function(metadata, "ReleaseSchedules"));
        });

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.StartsWith($"Missing function for queue '{QueueNames.Webhook}' of QueueConsumers.All"));
        Assert.Contains(problems, p => p.StartsWith("Missing function for timer job 'ReleaseSchedules' of TimerJobs.All"));
    }

    [Fact]
    public void Should_name_a_face_route_outside_its_prefixes_a_shared_prefix_and_a_reserved_route()
    {
        var stray = new ApiFace("Stray", ["v3", "stray"],
        [
            ApiRoute.Get("stray/items", () => Results.Ok()),
            ApiRoute.Get("elsewhere/items", () => Results.Ok()),
            ApiRoute.Post("runtime/items", () => Results.Ok()),
        ]);

        var problems = FunctionsParity.CheckFaces([.. CoreSurface.Real.Faces, stray]).ToList();

        Assert.Equal(4, problems.Count);
        Assert.Contains("Prefix 'v3' belongs to more than one face: V3, Stray", problems);
        Assert.Contains(problems, p => p.StartsWith("Route 'GET elsewhere/items' of face 'Stray' is under none of its prefixes"));
        Assert.Contains(problems, p => p.StartsWith("Route 'POST runtime/items' of face 'Stray' is under none of its prefixes"));
        Assert.Contains(problems, p => p.StartsWith("Route 'POST runtime/items' of face 'Stray' starts with a route the Functions host reserves"));
    }

    private static IReadOnlyList<string> Check(Action<JsonArray> alter)
    {
        var metadata = JsonNode.Parse(FunctionsBuild.ReadMetadata())!.AsArray();
        alter(metadata);
        return FunctionsParity.Check(FunctionMetadata.Parse(metadata.ToJsonString()), CoreSurface.Real);
    }

    private static JsonNode Function(JsonArray metadata, string name) =>
        metadata.Single(f => (string?)f!["name"] == name)!;

    private static JsonNode Trigger(JsonNode function) =>
        function["bindings"]!.AsArray().Single(b => ((string?)b!["type"])!.EndsWith("Trigger", StringComparison.Ordinal))!;

    private static async Task<List<string>> SelfHostRoutesAsync()
    {
        await using var app = SelfHostApp.Create(["--Logging:LogLevel:Default=Warning"]);
        return ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Select(endpoint => (endpoint.RoutePattern.RawText ?? "").Trim('/'))
            .ToList();
    }
}
