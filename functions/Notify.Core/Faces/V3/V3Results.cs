using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Notify.Core.Faces.Kit;

namespace Notify.Core.Faces.V3;

/// <summary>The v3 error body: <c>{"status":"error","message":…}</c>, a string or, for validation, an array of them.</summary>
public sealed record V3ErrorBody(string Status, object Message);

/// <summary>A v3 error answer: its status code and <see cref="V3ErrorBody"/>.</summary>
public sealed class V3Error(int statusCode, object message) : IFaceError<V3Error>, IStatusCodeHttpResult, IValueHttpResult<V3ErrorBody>
{
    public int? StatusCode => statusCode;
    public V3ErrorBody Value => new("error", message);

    public Task ExecuteAsync(HttpContext httpContext) => TypedResults.Json(Value, statusCode: statusCode).ExecuteAsync(httpContext);

    public static V3Error BodyTooLarge() => V3Results.TooLarge();
    public static V3Error BodyMalformed() => V3Results.Invalid("Request body must be valid JSON");
    public static V3Error Invalid(IReadOnlyList<string> messages) => V3Results.Invalid(messages);
}

/// <summary>The v3 answer that something was done: <c>{"statusCode":200,"message":…}</c>.</summary>
public sealed record V3Message(int StatusCode, string Message)
{
    public static Ok<V3Message> Done(string message) => TypedResults.Ok(new V3Message(StatusCodes.Status200OK, message));
}

/// <summary>The v3 error dialect.</summary>
public static class V3Results
{
    public const string NoAuth = "No auth params (or combination of params) were found in the request";

    public static V3Error Error(int status, string message) => new(status, message);

    public static V3Error Invalid(IReadOnlyList<string> messages) => new(StatusCodes.Status400BadRequest, messages);

    public static V3Error Invalid(string message) => Invalid([message]);

    public static V3Error Unauthorized(string message = NoAuth) => Error(StatusCodes.Status401Unauthorized, message);

    public static V3Error NotFound(string message = "Notification not found") => Error(StatusCodes.Status404NotFound, message);

    public static V3Error BeingDeleted() => Error(StatusCodes.Status409Conflict, "User is being deleted; try again shortly");

    public static V3Error TooLarge() => Error(StatusCodes.Status413PayloadTooLarge, "Request body is too large");
}
