using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Notify.Core.Faces.Kit;

namespace Notify.Core.Faces.V3;

public static class V3Body
{
    /// <summary>Reads the JSON body, or gives the v3 answer for an oversized or malformed one.</summary>
    public static async Task<(JsonNode? Node, IResult? Failure)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        var body = await JsonBodyReader.ReadAsync(request, maxBytes, ct);
        return body.Problem switch
        {
            BodyProblem.TooLarge => (null, V3Results.TooLarge()),
            BodyProblem.Malformed => (null, V3Results.Invalid("Request body must be valid JSON")),
            _ => (body.Node, null),
        };
    }
}
