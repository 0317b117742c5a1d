using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Notify.Core.Faces.Kit;

namespace Notify.Core.Faces.Batch;

/// <summary>The batch API's dialect: every error body carries <c>message</c> (the official widget reads <c>body.message</c>).</summary>
public static class BatchResults
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static IResult Ok(object body) => Results.Json(body, Json);

    public static IResult Error(int status, string message) => Results.Json(new { message }, Json, statusCode: status);

    public static IResult Invalid(string message) => Error(StatusCodes.Status400BadRequest, message);

    public static IResult Unauthorized() => Error(StatusCodes.Status401Unauthorized, "Unauthorized");

    public static IResult NotFound(string message) => Error(StatusCodes.Status404NotFound, message);

    /// <summary>Reads a JSON body whatever its content type (browsers post it as text to avoid a preflight).</summary>
    public static async Task<(System.Text.Json.Nodes.JsonNode? Node, IResult? Failure)> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        var body = await JsonBodyReader.ReadAsync(request, maxBytes, ct);
        return body.Problem switch
        {
            BodyProblem.TooLarge => (null, Error(StatusCodes.Status413PayloadTooLarge, "Request body is too large")),
            BodyProblem.Malformed => (null, Invalid("Request body must be valid JSON")),
            _ => (body.Node, null),
        };
    }
}
