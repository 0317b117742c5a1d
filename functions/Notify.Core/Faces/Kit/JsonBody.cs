using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Notify.Core.Faces.Kit;

public enum BodyProblem { None, TooLarge, Malformed }

public readonly record struct JsonBody(JsonNode? Node, BodyProblem Problem);

/// <summary>
/// Reads a request body as JSON with a size cap. Does its own limiting, rather than trusting the
/// server's, so both hosts answer an oversized body the same way.
/// </summary>
public static class JsonBodyReader
{
    public static async Task<JsonBody> ReadAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
            return new JsonBody(null, BodyProblem.TooLarge);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                    return new JsonBody(null, BodyProblem.TooLarge);
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new JsonBody(null, BodyProblem.TooLarge);
        }
        if (buffer.Length == 0)
            return new JsonBody(null, BodyProblem.None);
        var json = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        try
        {
            using (var document = JsonDocument.Parse(json, Strict))
                CheckStrings(document.RootElement);
            return new JsonBody(JsonNode.Parse(json.Span), BodyProblem.None);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            return new JsonBody(null, BodyProblem.Malformed);
        }
    }

    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false, MaxDepth = 32 };

    /// <summary>
    /// Decodes every string once, so text that is valid JSON but not valid UTF-16 (a lone surrogate)
    /// is refused here rather than failing wherever a handler first reads it.
    /// </summary>
    private static void CheckStrings(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                element.GetString();
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) CheckStrings(item);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    _ = property.Name;
                    CheckStrings(property.Value);
                }
                break;
        }
    }
}
