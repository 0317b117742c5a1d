using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Notify.Core.Faces.Kit;

namespace Notify.Core.Faces.Batch;

/// <summary>The batch error body: <c>{"message":…}</c> (the official widget reads <c>body.message</c>).</summary>
public sealed record BatchErrorBody(string Message);

/// <summary>A batch error answer: its status code and <see cref="BatchErrorBody"/>.</summary>
public sealed class BatchError(int statusCode, string message) : IResult, IStatusCodeHttpResult, IValueHttpResult<BatchErrorBody>
{
    public int? StatusCode => statusCode;
    public BatchErrorBody Value => new(message);

    public Task ExecuteAsync(HttpContext httpContext) => TypedResults.Json(Value, statusCode: statusCode).ExecuteAsync(httpContext);
}

/// <summary>The batch API's error dialect (its answers leave a field out rather than write null: see <see cref="BatchViews"/>).</summary>
public static class BatchResults
{
    public static BatchError Error(int status, string message) => new(status, message);

    public static BatchError Invalid(string message) => Error(StatusCodes.Status400BadRequest, message);

    public static BatchError Unauthorized() => Error(StatusCodes.Status401Unauthorized, "Unauthorized");

    public static BatchError NotFound(string message) => Error(StatusCodes.Status404NotFound, message);

    /// <summary>Reads a JSON body whatever its content type (browsers post it as text to avoid a preflight).</summary>
    public static async Task<(System.Text.Json.Nodes.JsonNode? Node, BatchError? Failure)> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken ct)
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
