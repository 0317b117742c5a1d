using Microsoft.AspNetCore.Http;

namespace Notify.Core.Faces.Subscriptions;

/// <summary>The subscriber API's error dialect: <c>{"error":"&lt;code&gt;","message":"&lt;text a person can read&gt;"}</c>.</summary>
public static class SubscriberResults
{
    public static IResult Error(int status, string error, string message) => Results.Json(new { error, message }, statusCode: status);

    public static IResult Unauthorized() =>
        Error(StatusCodes.Status401Unauthorized, "unauthorized", "Subscribe with a code first: this browser holds no subscriber credential.");

    public static IResult NotFound(string message) => Error(StatusCodes.Status404NotFound, "not_found", message);

    public static IResult Invalid(string message) => Error(StatusCodes.Status400BadRequest, "invalid", message);

    public static IResult CrossOrigin() => Error(StatusCodes.Status403Forbidden, "cross_origin", "Requests that change subscriptions must come from this site's pages.");

    public static IResult TooManyRequests() => Error(StatusCodes.Status429TooManyRequests, "too_many_requests", "Too many requests; wait a moment and try again.");
}
