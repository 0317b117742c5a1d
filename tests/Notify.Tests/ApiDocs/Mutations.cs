using System.Text.Json.Nodes;

namespace Notify.Tests.ApiDocs;

/// <summary>Mutations of a valid body: each picks its place in the value with <c>pick</c>, so a seed replays it.</summary>
public static class Mutations
{
    public static JsonNode? WrongType(JsonNode? value, int pick)
    {
        var copy = value?.DeepClone();
        var places = Places(copy);
        if (places.Count == 0) return WrongTypeOf(copy, pick);
        var (parent, key) = places[pick % places.Count];
        Set(parent, key, WrongTypeOf(Get(parent, key), pick));
        return copy;
    }

    public static JsonNode? Missing(JsonNode? value, JsonNode? schema, SchemaGen schemas, int pick)
    {
        if (value?.DeepClone() is not JsonObject copy) return value?.DeepClone();
        var resolved = schema?["$ref"] is JsonValue r ? schemas.Resolve(r.GetValue<string>()) : schema as JsonObject;
        var required = (resolved?["required"] as JsonArray)?.Select(n => n!.GetValue<string>()).Where(copy.ContainsKey).ToList() ?? [];
        var keys = required.Count > 0 ? required : copy.Select(p => p.Key).ToList();
        if (keys.Count > 0) copy.Remove(keys[pick % keys.Count]);
        return copy;
    }

    public static JsonNode? Extra(JsonNode? value, int pick)
    {
        if (value?.DeepClone() is not JsonObject copy) return value?.DeepClone();
        copy["zz" + pick % 1000] = SchemaGen.HostileStrings[pick % SchemaGen.HostileStrings.Length];
        return copy;
    }

    public static JsonNode? Hostile(JsonNode? value, int pick) => ReplaceString(value, pick, SchemaGen.HostileStrings[pick % SchemaGen.HostileStrings.Length]);

    public static JsonNode? Huge(JsonNode? value, int length) => ReplaceString(value, 0, new string('x', length));

    private static JsonNode? ReplaceString(JsonNode? value, int pick, string text)
    {
        var copy = value?.DeepClone();
        var places = Places(copy).Where(p => Get(p.Parent, p.Key) is JsonValue v && v.TryGetValue<string>(out _)).ToList();
        if (places.Count == 0)
        {
            if (copy is JsonObject o) o["zzHostile"] = text;
            return copy ?? JsonValue.Create(text);
        }
        var (parent, key) = places[pick % places.Count];
        Set(parent, key, JsonValue.Create(text));
        return copy;
    }

    private static JsonNode? WrongTypeOf(JsonNode? node, int pick) => node switch
    {
        JsonObject => pick % 2 == 0 ? JsonValue.Create("not an object") : new JsonArray(1, 2),
        JsonArray => pick % 2 == 0 ? JsonValue.Create(42) : new JsonObject { ["not"] = "an array" },
        JsonValue v when v.TryGetValue<string>(out _) => pick % 2 == 0 ? JsonValue.Create(12345) : new JsonObject(),
        JsonValue v when v.TryGetValue<bool>(out _) => JsonValue.Create("true"),
        JsonValue => pick % 2 == 0 ? JsonValue.Create("12") : JsonValue.Create(1.5e300),
        _ => JsonValue.Create(pick % 2 == 0),
    };

    /// <summary>Every (container, key-or-index) in the value, depth first.</summary>
    private static List<(JsonNode Parent, object Key)> Places(JsonNode? node)
    {
        var places = new List<(JsonNode, object)>();
        void Walk(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o:
                    foreach (var (k, v) in o.ToList()) { places.Add((o, k)); Walk(v); }
                    break;
                case JsonArray a:
                    for (var i = 0; i < a.Count; i++) { places.Add((a, i)); Walk(a[i]); }
                    break;
            }
        }
        Walk(node);
        return places;
    }

    private static JsonNode? Get(JsonNode parent, object key) => key is string k ? parent[k] : parent[(int)key];

    private static void Set(JsonNode parent, object key, JsonNode? value)
    {
        if (key is string k) parent[k] = value;
        else parent[(int)key] = value;
    }
}
