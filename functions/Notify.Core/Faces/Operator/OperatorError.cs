using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Notify.Core.Apps;
using Notify.Core.Faces.Kit;

namespace Notify.Core.Faces.Operator;

/// <summary>The operator error body: <c>{"status":"error","message":…}</c>, a string or, for validation, an array of them.</summary>
public sealed record OperatorErrorBody(string Status, object Message);

/// <summary>An operator error answer; without a message it has no body (the operator API when it is off).</summary>
public sealed class OperatorError(int statusCode, object? message) : IFaceError<OperatorError>, IStatusCodeHttpResult
{
    public int? StatusCode => statusCode;

    public Task ExecuteAsync(HttpContext httpContext) => message is null
        ? TypedResults.StatusCode(statusCode).ExecuteAsync(httpContext)
        : TypedResults.Json(new OperatorErrorBody("error", message), statusCode: statusCode).ExecuteAsync(httpContext);

    public static OperatorError BodyTooLarge() => new(StatusCodes.Status413PayloadTooLarge, "Request body is too large");
    public static OperatorError BodyMalformed() => Invalid(["Request body must be valid JSON"]);
    public static OperatorError Invalid(IReadOnlyList<string> messages) => new(StatusCodes.Status400BadRequest, messages);
    public static OperatorError NotFound(string? message) => new(StatusCodes.Status404NotFound, message);
    public static OperatorError Unauthorized(string message) => new(StatusCodes.Status401Unauthorized, message);
    public static OperatorError Conflict(string message) => new(StatusCodes.Status409Conflict, message);
}

/// <summary>The operator, known by the key alone.</summary>
public sealed record Operator;

/// <summary>
/// The operator call pipeline: <see cref="FaceCall{TError}"/> with the operator's dialect and the body limit, and the
/// operator key check. With no key configured the API does not exist (404 without a body), rather than being open.
/// </summary>
public sealed class OperatorCall(Microsoft.Extensions.Options.IOptions<NotifyOptions> options) : FaceCall<OperatorError>(() => options.Value.MaxRequestBodyBytes)
{
    public const string KeyHeader = "X-Notify-Operator-Key";

    public Task<Authenticated<Operator, OperatorError>> Guard(HttpRequest request, CancellationToken ct)
    {
        var key = options.Value.OperatorKey;
        Authenticated<Operator, OperatorError> result =
            string.IsNullOrEmpty(key) ? OperatorError.NotFound(null)
            : Secrets.AreEqual(request.Headers[KeyHeader].FirstOrDefault(), key) ? new Operator()
            : OperatorError.Unauthorized("Invalid operator key");
        return Task.FromResult(result);
    }
}
