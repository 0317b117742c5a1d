using Microsoft.AspNetCore.Http;

namespace Notify.Core.Faces.Status;

/// <summary>The status API's error dialect: <c>{"error":{"code":"NS.CODE","ns":"NS","message":…,"status":n}}</c>, on every failure.</summary>
public static class StatusErrors
{
    public static IResult Error(int status, string ns, string code, string message) =>
        Results.Json(new { error = new { code = $"{ns}.{code}", ns, message, status } }, statusCode: status);

    public static IResult Unauthorized(string message = "Missing or invalid application API key") =>
        Error(StatusCodes.Status401Unauthorized, "AUTH", "UNAUTHORIZED", message);

    public static IResult NotFound() => Error(StatusCodes.Status404NotFound, "NOTIFICATION", "NOT_FOUND", "Notification not found");

    public static IResult Invalid(IEnumerable<string> messages) =>
        Error(StatusCodes.Status400BadRequest, "DATA", "INVALID", string.Join("; ", messages));

    public static IResult Invalid(string message) => Invalid([message]);

    public static IResult TooLarge() => Error(StatusCodes.Status413PayloadTooLarge, "DATA", "TOO_LARGE", "Request body is too large");

    public static IResult AlreadyDelivered() =>
        Error(StatusCodes.Status409Conflict, "NOTIFICATION", "COMPLETED", "The notification was delivered to every receiver already");
}
