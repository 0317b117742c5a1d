using Microsoft.AspNetCore.Http;

namespace Notify.Core.Faces.V3;

/// <summary>The v3 error dialect: <c>{"status":"error","message":…}</c>, a string or, for validation, an array.</summary>
public static class V3Results
{
    public const string NoAuth = "No auth params (or combination of params) were found in the request";

    public static IResult Error(int status, string message) =>
        Results.Json(new { status = "error", message }, statusCode: status);

    public static IResult Invalid(IReadOnlyList<string> messages) =>
        Results.Json(new { status = "error", message = messages }, statusCode: StatusCodes.Status400BadRequest);

    public static IResult Invalid(string message) => Invalid([message]);

    public static IResult Unauthorized(string message = NoAuth) => Error(StatusCodes.Status401Unauthorized, message);

    public static IResult NotFound(string message = "Notification not found") => Error(StatusCodes.Status404NotFound, message);

    public static IResult BeingDeleted() => Error(StatusCodes.Status409Conflict, "User is being deleted; try again shortly");

    public static IResult TooLarge() => Error(StatusCodes.Status413PayloadTooLarge, "Request body is too large");
}
