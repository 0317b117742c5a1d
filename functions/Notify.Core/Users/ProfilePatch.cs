using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.JsonPatch.SystemTextJson;
using Microsoft.AspNetCore.JsonPatch.SystemTextJson.Exceptions;

namespace Notify.Core.Users;

/// <summary>A profile change the caller asked for but that cannot apply; nothing was stored.</summary>
public sealed class ProfileChangeRejectedException(IReadOnlyList<string> errors) : Exception(string.Join("; ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}

/// <summary>
/// RFC 6902 JSON Patch on a profile, applied with ASP.NET Core's System.Text.Json patch library. The
/// library skips operations it does not know and tolerates missing members, so those are checked first.
/// </summary>
public static class ProfilePatch
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly string[] Operations = ["add", "remove", "replace", "move", "copy", "test"];
    private const int MaxOperations = 100;

    /// <summary>Messages for a malformed patch document; empty when it is well-formed.</summary>
    public static IReadOnlyList<string> Check(JsonNode? body)
    {
        if (body is not JsonArray operations) return ["body must be an array of JSON Patch operations"];
        if (operations.Count > MaxOperations) return [$"body must contain no more than {MaxOperations} operations"];
        var errors = new List<string>();
        for (var i = 0; i < operations.Count; i++)
        {
            if (operations[i] is not JsonObject op) { errors.Add($"{i} must be an object"); continue; }
            var name = (op["op"] as JsonValue)?.GetValueKind() == JsonValueKind.String ? op["op"]!.GetValue<string>() : null;
            if (name is null || !Operations.Contains(name)) errors.Add($"{i}.op must be one of the following values: {string.Join(", ", Operations)}");
            if (!IsPointer(op["path"])) errors.Add($"{i}.path must be a JSON Pointer string");
            if (name is "move" or "copy" && !IsPointer(op["from"])) errors.Add($"{i}.from must be a JSON Pointer string");
            if (name is "add" or "replace" or "test" && !op.ContainsKey("value")) errors.Add($"{i}.value should not be empty");
        }
        return errors;
    }

    /// <summary>Applies a checked patch to a copy of the profile; throws <see cref="ProfileChangeRejectedException"/> when it cannot.</summary>
    public static JsonObject Apply(JsonObject profile, JsonArray operations)
    {
        var target = (JsonObject)profile.DeepClone();
        try
        {
            // One operation at a time, checking the size after each: a few copy operations can double a
            // value again and again, and must be stopped long before they exhaust memory.
            foreach (var operation in operations)
            {
                new JsonArray(operation!.DeepClone()).Deserialize<JsonPatchDocument>(Json)!.ApplyTo(target);
                if (target.ToJsonString().Length > Profiles.MaxJsonLength)
                    throw new ProfileChangeRejectedException([$"profile must be shorter than or equal to {Profiles.MaxJsonLength} characters as JSON"]);
            }
        }
        catch (Exception e) when (e is JsonPatchException or JsonException or InvalidOperationException or ArgumentException)
        {
            throw new ProfileChangeRejectedException([e.Message]);
        }
        return target;
    }

    /// <summary>Whole-profile changes go through PUT, so a patch only addresses members.</summary>
    private static bool IsPointer(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is var p
        && p.StartsWith('/');
}
