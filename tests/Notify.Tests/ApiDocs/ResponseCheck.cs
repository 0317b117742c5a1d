using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Notify.Tests.ApiDocs;

/// <summary>
/// Holds an answer to its document: a status the operation documents, and for a JSON answer a body valid against the
/// documented schema (the document's component schemas become the schema's <c>$defs</c>, so every <c>$ref</c> resolves).
/// </summary>
public sealed class ResponseCheck(JsonObject document)
{
    private readonly ConcurrentDictionary<string, JsonSchema> compiled = new();

    /// <summary>Null when the answer fits the document, else what is wrong with it.</summary>
    public string? Problem(FuzzOperation op, int status, string? contentType, string body)
    {
        if (status >= 500) return $"answered {status}";
        var responses = op.Operation["responses"]!.AsObject();
        var documented = responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] ?? responses["default"];
        if (documented is null) return $"answered {status}, which the document does not list ({string.Join(", ", responses.Select(r => r.Key))})";
        if (documented["content"] is not JsonObject content || content.Count == 0) return null;
        if (content["application/json"]?["schema"] is not JsonNode schema) return null;
        if (contentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
            return $"answered {status} as {contentType ?? "no content type"} where the document says application/json: {Trim(body)}";
        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return $"answered {status} with a body that is not JSON: {Trim(body)}";
        }
        var key = $"{op}|{status}";
        var result = compiled.GetOrAdd(key, _ => Compile(schema)).Evaluate(parsed, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) return null;
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Take(5);
        return $"answered {status} with a body the schema refuses ({string.Join("; ", errors)}): {Trim(body)}";
    }

    private JsonSchema Compile(JsonNode schema)
    {
        var root = (JsonObject)Rewrite(schema is JsonObject ? schema : new JsonObject())!;
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        root["$defs"] = Rewrite(document["components"]?["schemas"] ?? new JsonObject());
        return JsonSchema.FromText(root.ToJsonString());
    }

    private static JsonNode? Rewrite(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key,
            p.Key == "$ref" && p.Value is JsonValue v ? JsonValue.Create(v.GetValue<string>().Replace("#/components/schemas/", "#/$defs/")) : Rewrite(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Rewrite).ToArray()),
        _ => node?.DeepClone(),
    };

    private static string Trim(string text) => text.Length > 400 ? text[..400] + "…" : text;
}
