using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Notify.Core.Faces.Subscriptions;

/// <summary>The subscriber API's error body: <c>{"error":"&lt;code&gt;","message":"&lt;text a person can read&gt;"}</c>.</summary>
public sealed record SubscriberErrorBody(string Error, string Message);

/// <summary>A subscriber API error answer: its status code and <see cref="SubscriberErrorBody"/>.</summary>
public sealed class SubscriberError(int statusCode, string error, string message) : IResult, IStatusCodeHttpResult, IValueHttpResult<SubscriberErrorBody>
{
    public int? StatusCode => statusCode;
    public SubscriberErrorBody Value => new(error, message);

    public Task ExecuteAsync(HttpContext httpContext) => TypedResults.Json(Value, statusCode: statusCode).ExecuteAsync(httpContext);
}

/// <summary>The subscriber API's error dialect.</summary>
public static class SubscriberResults
{
    public static SubscriberError Error(int status, string error, string message) => new(status, error, message);

    public static SubscriberError Unauthorized() =>
        Error(StatusCodes.Status401Unauthorized, "unauthorized", "Subscribe with a code first: this browser holds no subscriber credential.");

    public static SubscriberError NotFound(string message) => Error(StatusCodes.Status404NotFound, "not_found", message);

    public static SubscriberError Invalid(string message) => Error(StatusCodes.Status400BadRequest, "invalid", message);

    public static SubscriberError CrossOrigin() => Error(StatusCodes.Status403Forbidden, "cross_origin", "Requests that change subscriptions must come from this site's pages.");

    public static SubscriberError TooManyRequests() => Error(StatusCodes.Status429TooManyRequests, "too_many_requests", "Too many requests; wait a moment and try again.");
}
