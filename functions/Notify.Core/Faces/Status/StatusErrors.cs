using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using System.Text.Json.Serialization;

namespace Notify.Core.Faces.Status;

/// <summary>The status API's error body: <c>{"error":{"code":"NS.CODE","ns":"NS","message":…,"status":n}}</c>.</summary>
public sealed record StatusErrorBody([property: JsonPropertyName("error")] StatusErrorDetail Error);

public sealed record StatusErrorDetail(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("ns")] string Ns,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("status")] int Status);

/// <summary>A status error answer: its status code and <see cref="StatusErrorBody"/>.</summary>
public sealed class StatusError(int statusCode, string ns, string code, string message) : IResult, IStatusCodeHttpResult, IValueHttpResult<StatusErrorBody>
{
    public int? StatusCode => statusCode;
    public StatusErrorBody Value => new(new StatusErrorDetail($"{ns}.{code}", ns, message, statusCode));

    public Task ExecuteAsync(HttpContext httpContext) => TypedResults.Json(Value, statusCode: statusCode).ExecuteAsync(httpContext);
}

/// <summary>The status API's error dialect, on every failure.</summary>
public static class StatusErrors
{
    public static StatusError Error(int status, string ns, string code, string message) => new(status, ns, code, message);

    public static StatusError Unauthorized(string message = "Missing or invalid application API key") =>
        Error(StatusCodes.Status401Unauthorized, "AUTH", "UNAUTHORIZED", message);

    public static StatusError NotFound() => Error(StatusCodes.Status404NotFound, "NOTIFICATION", "NOT_FOUND", "Notification not found");

    public static StatusError Invalid(IEnumerable<string> messages) =>
        Error(StatusCodes.Status400BadRequest, "DATA", "INVALID", string.Join("; ", messages));

    public static StatusError Invalid(string message) => Invalid([message]);

    public static StatusError TooLarge() => Error(StatusCodes.Status413PayloadTooLarge, "DATA", "TOO_LARGE", "Request body is too large");

    public static StatusError AlreadyDelivered() =>
        Error(StatusCodes.Status409Conflict, "NOTIFICATION", "COMPLETED", "The notification was delivered to every receiver already");
}
