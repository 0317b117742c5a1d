using System.Text.Json.Nodes;
using CsCheck;

namespace Notify.Tests.ApiDocs;

/// <summary>One operation of a document: its method, path template, parameters, body schema and documented answers.</summary>
public sealed record FuzzOperation(string Document, string Method, string Template, JsonObject Operation)
{
    public override string ToString() => $"{Document}: {Method.ToUpperInvariant()} {Template}";
}

/// <summary>A request the fuzzer sends, and what kind of case it is (valid, or which mutation).</summary>
public sealed record FuzzRequest(string Kind, string Method, string Path, IReadOnlyList<(string Name, string Value)> Headers, string? Body, string ContentType)
{
    public override string ToString() =>
        $"{Kind}: {Method.ToUpperInvariant()} {Path} [{string.Join(", ", Headers.Select(h => $"{h.Name}: {Trim(h.Value)}"))}] {ContentType} {Trim(Body ?? "(no body)")}";

    private static string Trim(string text) => text.Length > 300 ? text[..300] + $"…({text.Length} chars)" : text;
}

/// <summary>What a caller of a document can present: a value per security scheme id, and known values per path parameter.</summary>
public sealed record FuzzCredentials(IReadOnlyDictionary<string, string> BySchemeId, IReadOnlyDictionary<string, string> PathValues);

/// <summary>
/// Generates requests for an operation from its own document: valid ones (the body from its schema, credentials for one
/// of the document's security requirements), and mutated ones: a wrong type, a missing required or an extra field,
/// a hostile, empty or huge string, a body that is not JSON, and bad or no credentials.
/// </summary>
public sealed class FuzzRequests(JsonObject document, FuzzCredentials credentials, int hugeLength)
{
    private readonly SchemaGen schemas = new(document["components"]?["schemas"] as JsonObject ?? []);

    public Gen<FuzzRequest> For(FuzzOperation op)
    {
        var body = BodySchema(op);
        var bodyGen = body is null ? Gen.Const((JsonNode?)null) : schemas.For(body);
        var pathGen = PathGen(op);
        var authGen = AuthGen();
        return Gen.Select(Gen.Int[0, 99], pathGen, authGen, bodyGen, QueryGen(op), Gen.Int[0, int.MaxValue], (roll, path, auth, value, query, pick) =>
        {
            var headers = auth.Concat(query).ToList();
            string? text = value?.ToJsonString();
            var contentType = "application/json";
            string kind;
            if (roll < 40) kind = "valid";
            else if (roll < 50) { kind = "bad auth"; headers = [.. BadAuth(auth, pick), .. query]; }
            else if (body is null && roll < 80) { kind = "unexpected body"; text = Mutations.Hostile(new JsonObject { ["x"] = "y" }, pick)!.ToJsonString(); }
            else if (roll < 58) { kind = "wrong type"; text = Mutations.WrongType(value, pick)?.ToJsonString(); }
            else if (roll < 64) { kind = "missing field"; text = Mutations.Missing(value, body, schemas, pick)?.ToJsonString(); }
            else if (roll < 70) { kind = "extra field"; text = Mutations.Extra(value, pick)?.ToJsonString(); }
            else if (roll < 82) { kind = "hostile string"; text = Mutations.Hostile(value, pick)?.ToJsonString(); }
            else if (roll < 86) { kind = "huge string"; text = Mutations.Huge(value, hugeLength)?.ToJsonString(); }
            else if (roll < 90) { kind = "not json"; text = pick % 2 == 0 ? "{\"unterminated\": " : "<xml/>"; }
            else if (roll < 94) { kind = "empty body"; text = pick % 2 == 0 ? "" : "null"; }
            else if (roll < 97) { kind = "text/plain body"; contentType = "text/plain"; }
            else { kind = "hostile path"; path = HostilePath(op, pick); }
            return new FuzzRequest(kind, op.Method, path, headers, text, contentType);
        });
    }

    /// <summary>The operation's query parameters, each present half the time: from its schema, or a hostile string.</summary>
    private Gen<IReadOnlyList<(string, string)>> QueryGen(FuzzOperation op)
    {
        var parameters = (op.Operation["parameters"] as JsonArray ?? []).Where(p => p?["in"]?.GetValue<string>() == "query").ToList();
        var each = parameters.Select(p => Gen.Frequency(
                (5, Gen.Const(Array.Empty<(string, string)>())),
                (4, schemas.For(p!["schema"]).Select(v => new[] { ("?" + p["name"]!.GetValue<string>(), v is JsonValue s && s.TryGetValue<string>(out var t) ? t : v?.ToJsonString() ?? "") })),
                (1, SchemaGen.Hostile.Select(h => new[] { ("?" + p["name"]!.GetValue<string>(), h) }))))
            .ToArray();
        return each.Aggregate(Gen.Const<IReadOnlyList<(string, string)>>([]), (all, next) => Gen.Select(all, next, (list, one) => (IReadOnlyList<(string, string)>)[.. list, .. one]));
    }

    private JsonNode? BodySchema(FuzzOperation op) => op.Operation["requestBody"]?["content"]?["application/json"]?["schema"];

    private Gen<string> PathGen(FuzzOperation op)
    {
        var names = Parameters(op, "path");
        var values = names.Select(name => credentials.PathValues.TryGetValue(name, out var known)
            ? Gen.Frequency((8, Gen.Const(known)), (2, SchemaGen.Word))
            : Gen.Frequency((3, SchemaGen.Word), (1, Gen.Int[1, 100_000].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)))))
            .ToArray();
        if (values.Length == 0) return Gen.Const("/" + op.Template.TrimStart('/'));
        return values.Aggregate(Gen.Const(Array.Empty<string>()), (all, next) => Gen.Select(all, next, (list, one) => list.Append(one).ToArray()))
            .Select(chosen => Fill(op.Template, names, chosen));
    }

    private string HostilePath(FuzzOperation op, int pick)
    {
        var names = Parameters(op, "path");
        // Kestrel refuses a path with an encoded NUL or control character (400, no body) before any endpoint runs.
        var hostile = SchemaGen.HostileStrings.Where(s => s.Length > 0 && !s.Contains('\0') && !s.Contains("%00") && !s.Any(char.IsControl)).ToArray();
        return Fill(op.Template, names, names.Select((_, i) => hostile[(pick + i) % hostile.Length]).ToArray());
    }

    private static string Fill(string template, IReadOnlyList<string> names, IReadOnlyList<string> values)
    {
        var path = template;
        for (var i = 0; i < names.Count; i++) path = path.Replace("{" + names[i] + "}", Uri.EscapeDataString(values[i]));
        return path;
    }

    private static List<string> Parameters(FuzzOperation op, string location) =>
        (op.Operation["parameters"] as JsonArray ?? []).Where(p => p?["in"]?.GetValue<string>() == location)
            .Select(p => p!["name"]!.GetValue<string>()).ToList();

    /// <summary>Credentials for one of the document's requirements that this caller can meet (none when it has none).</summary>
    private Gen<IReadOnlyList<(string, string)>> AuthGen()
    {
        var requirements = (document["security"] as JsonArray ?? [])
            .Select(r => r!.AsObject().Select(p => p.Key).ToList())
            .Where(set => set.All(credentials.BySchemeId.ContainsKey))
            .Select(set => (IReadOnlyList<(string, string)>)set.Select(Present).ToList())
            .ToArray();
        return requirements.Length == 0 ? Gen.Const<IReadOnlyList<(string, string)>>([]) : Gen.OneOf(requirements);
    }

    private (string Name, string Value) Present(string schemeId)
    {
        var scheme = document["components"]!["securitySchemes"]![schemeId]!;
        var value = credentials.BySchemeId[schemeId];
        return scheme["type"]!.GetValue<string>() == "http"
            ? ("Authorization", "Bearer " + value)
            : scheme["in"]!.GetValue<string>() switch
            {
                "query" => ("?" + scheme["name"]!.GetValue<string>(), value),
                "cookie" => ("Cookie", $"{scheme["name"]!.GetValue<string>()}={value}"),
                _ => (scheme["name"]!.GetValue<string>(), value),
            };
    }

    private static IReadOnlyList<(string, string)> BadAuth(IReadOnlyList<(string Name, string Value)> auth, int pick) => (pick % 3) switch
    {
        0 => [],
        1 => auth.Select(h => (h.Name, h.Name == "Authorization" ? "Bearer wrong" : "wrong-" + h.Value[..Math.Min(4, h.Value.Length)])).ToList(),
        _ => auth.Select(h => (h.Name, SchemaGen.HostileStrings[pick % SchemaGen.HostileStrings.Length])).ToList(),
    };
}
