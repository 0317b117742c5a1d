using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Notify.Core.Http;

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
        try
        {
            return new JsonBody(JsonNode.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)), BodyProblem.None);
        }
        catch (JsonException)
        {
            return new JsonBody(null, BodyProblem.Malformed);
        }
    }
}
