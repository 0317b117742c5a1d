using System.Text.Json.Nodes;
using CsCheck;

namespace Notify.Tests.ApiDocs;

/// <summary>
/// CsCheck generators of JSON values that fit an OpenAPI 3.1 (JSON Schema 2020-12) schema of the document: the
/// subset ASP.NET Core writes (<c>$ref</c>, <c>type</c> and type arrays, <c>properties</c>/<c>required</c>,
/// <c>items</c>, <c>enum</c>, <c>oneOf</c>/<c>anyOf</c>, length, item-count and range bounds). Sizes stay small: the
/// fuzzer spends its budget on variety, and <see cref="Hostile"/> brings the large and strange values.
/// </summary>
public sealed class SchemaGen(JsonObject components)
{
    private const int MaxDepth = 4;

    /// <summary>Strings a careless server trips on: markup, quotes, control and format characters, paths, templates, OData.</summary>
    public static readonly string[] HostileStrings =
    [
        "", " ", "<script>alert(1)</script>", "\"'\\", "'; DROP TABLE users; --", "\u0000", "\u0001\u001f", "\ud83d\ude00\u200f\u202e",
        "../../../../etc/passwd", "%00%2e%2e%2f", "{{ 7 * 7 }}", "${jndi:ldap://x}", "PartitionKey eq ''", "\\u0000", "null", "-1",
        "0", "9999999999999999999999", "NaN", "1e309", "\r\n\r\nX-Injected: 1", "ñ".PadRight(300, 'ñ'), "\ud800", "/", "?#&=",
    ];

    public static readonly Gen<string> Hostile = Gen.OneOf(HostileStrings);

    public static readonly Gen<string> Word = Gen.String[Gen.Char.AlphaNumeric, 1, 12];

    public Gen<JsonNode?> For(JsonNode? schema, int depth = 0)
    {
        if (schema is not JsonObject s) return Any(depth);
        if (s["$ref"] is JsonValue reference) return depth > MaxDepth ? Gen.Const((JsonNode?)null) : For(Resolve(reference.GetValue<string>()), depth + 1);
        if (s["enum"] is JsonArray values) return Gen.OneOf(values.Select(v => v?.DeepClone()).ToArray());
        if ((s["oneOf"] ?? s["anyOf"]) is JsonArray choices) return Gen.OneOf(choices.Select(c => For(c, depth + 1)).ToArray());
        var types = s["type"] switch
        {
            JsonValue one => [one.GetValue<string>()],
            JsonArray many => many.Select(t => t!.GetValue<string>()).ToArray(),
            _ => s["properties"] is not null ? ["object"] : [],
        };
        if (types.Length == 0) return Any(depth);
        var concrete = types.Where(t => t != "null").ToArray();
        var gen = Gen.OneOf(concrete.Select(t => OfType(t, s, depth)).ToArray());
        return types.Contains("null") ? Gen.Frequency((9, gen), (1, Gen.Const((JsonNode?)null))) : gen;
    }

    public JsonObject? Resolve(string reference) =>
        reference.StartsWith("#/components/schemas/", StringComparison.Ordinal)
            ? components[reference["#/components/schemas/".Length..]] as JsonObject
            : null;

    private Gen<JsonNode?> OfType(string type, JsonObject s, int depth) => type switch
    {
        "string" when s["format"]?.GetValue<string>() == "date-time" =>
            Gen.DateTimeOffset.Select(t => (JsonNode?)JsonValue.Create(t.ToUniversalTime().ToString("O"))),
        "string" => Gen.String[Gen.Char.AlphaNumeric, Bound(s, "minLength", 1), Math.Max(Bound(s, "minLength", 1), Math.Min(Bound(s, "maxLength", 20), 20))]
            .Select(t => (JsonNode?)JsonValue.Create(t)),
        "integer" => Gen.Int[Bound(s, "minimum", 0), Math.Min(Bound(s, "maximum", 1000), 1000)].Select(i => (JsonNode?)JsonValue.Create(i)),
        "number" => Gen.Double[0, 1000].Select(d => (JsonNode?)JsonValue.Create(d)),
        "boolean" => Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
        "array" when depth > MaxDepth => Gen.Const<JsonNode?>(new JsonArray()),
        "array" => For(s["items"], depth + 1).List[Bound(s, "minItems", 0), Math.Max(Bound(s, "minItems", 0), Math.Min(Bound(s, "maxItems", 3), 3))]
            .Select(items => (JsonNode?)new JsonArray(items.Select(i => i?.DeepClone()).ToArray())),
        "object" => Object(s, depth),
        _ => Any(depth),
    };

    private Gen<JsonNode?> Object(JsonObject s, int depth)
    {
        if (depth > MaxDepth || s["properties"] is not JsonObject properties) return Gen.Const<JsonNode?>(new JsonObject());
        var required = (s["required"] as JsonArray)?.Select(r => r!.GetValue<string>()).ToHashSet() ?? [];
        var fields = properties.Select(p => required.Contains(p.Key)
                ? For(p.Value, depth + 1).Select(v => (p.Key, Include: true, Value: v))
                : Gen.Select(Gen.Bool, For(p.Value, depth + 1), (take, v) => (p.Key, Include: take, Value: v)))
            .ToArray();
        return Gen.Select(fields.Length == 0 ? Gen.Const(Array.Empty<(string, bool, JsonNode?)>()) : Combine(fields), chosen =>
        {
            var o = new JsonObject();
            foreach (var (key, include, value) in chosen) if (include) o[key] = value?.DeepClone();
            return (JsonNode?)o;
        });
    }

    private static Gen<(string, bool, JsonNode?)[]> Combine(Gen<(string Key, bool Include, JsonNode? Value)>[] fields) =>
        fields.Aggregate(Gen.Const(Array.Empty<(string, bool, JsonNode?)>()),
            (all, next) => Gen.Select(all, next, (list, one) => (list.Append(((string, bool, JsonNode?))one).ToArray())));

    private Gen<JsonNode?> Any(int depth) => Gen.OneOf(
        Word.Select(w => (JsonNode?)JsonValue.Create(w)),
        Gen.Int.Select(i => (JsonNode?)JsonValue.Create(i)),
        Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
        depth > MaxDepth ? Gen.Const<JsonNode?>(new JsonObject()) : Word.Select(w => (JsonNode?)new JsonObject { [w] = w }));

    private static int Bound(JsonObject s, string name, int fallback) =>
        s[name] is JsonValue v && v.TryGetValue<double>(out var d) ? (int)Math.Clamp(d, int.MinValue / 2, int.MaxValue / 2)
        : s[name] is JsonValue t && t.TryGetValue<string>(out var text) && int.TryParse(text, out var parsed) ? parsed
        : fallback;
}
