using System.Text.Json;
using System.Text.Json.Serialization;

namespace Notify.Tests.Hosting;

/// <summary>One binding of a function as the Functions SDK writes it into functions.metadata.</summary>
public sealed record BindingMetadata(
    string Name,
    string Type,
    string Direction,
    string? AuthLevel,
    IReadOnlyList<string>? Methods,
    string? Route,
    string? QueueName,
    string? Schedule);

/// <summary>One function of functions.metadata: what the Functions host indexes and loads.</summary>
public sealed record FunctionMetadata(string Name, string EntryPoint, IReadOnlyList<BindingMetadata> Bindings)
{
    public const string HttpTrigger = "httpTrigger";
    public const string QueueTrigger = "queueTrigger";
    public const string TimerTrigger = "timerTrigger";

    private static readonly string[] TriggerTypes = [HttpTrigger, QueueTrigger, TimerTrigger];

    public IReadOnlyList<BindingMetadata> Triggers =>
        Bindings.Where(b => TriggerTypes.Contains(b.Type, StringComparer.OrdinalIgnoreCase)).ToList();

    public override string ToString() => $"'{Name}' ({EntryPoint})";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    public static IReadOnlyList<FunctionMetadata> Parse(string json) =>
        JsonSerializer.Deserialize<List<FunctionMetadata>>(json, Json)
        ?? throw new InvalidDataException("functions.metadata holds no function list");
}
