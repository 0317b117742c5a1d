using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Notify.Tests.Hosting.Worker.Rpc;

namespace Notify.Tests.Hosting.Worker;

/// <summary>A function the worker reported in its metadata and then loaded, with its trigger binding.</summary>
public sealed class LoadedFunction
{
    private readonly TemplateMatcher? route;

    public LoadedFunction(RpcFunctionMetadata metadata)
    {
        Id = metadata.FunctionId;
        Name = metadata.Name;
        Trigger = metadata.RawBindings.Select(raw => JsonNode.Parse(raw)!.AsObject())
            .Single(b => ((string?)b["type"])!.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase));
        if (TriggerType == FunctionMetadata.HttpTrigger)
            route = new TemplateMatcher(TemplateParser.Parse((string)Trigger["route"]!), new RouteValueDictionary());
    }

    public string Id { get; }

    public string Name { get; }

    public JsonObject Trigger { get; }

    public string TriggerType => (string)Trigger["type"]!;

    public string BindingName => (string)Trigger["name"]!;

    public string? QueueName => (string?)Trigger["queueName"];

    /// <summary>Whether the host would hand this request to this function (host.json sets an empty route prefix).</summary>
    public bool Serves(HttpMethod method, string path) =>
        route is not null
        && route.TryMatch("/" + path.TrimStart('/'), new RouteValueDictionary())
        && Trigger["methods"]!.AsArray().Any(m => string.Equals((string?)m, method.Method, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => Name;
}
