using Microsoft.AspNetCore.Http;

namespace Notify.Core.Faces.Subscriptions;

/// <summary>
/// The channels API's error dialect, exactly as the seed's server answers (typos included):
/// <c>{"statusCode","message","error"}</c>, a 429 without <c>error</c>, validation messages as an array.
/// </summary>
public static class ChannelResults
{
    public static IResult Error(int status, string message, string error) =>
        Results.Json(new { statusCode = status, message, error }, statusCode: status);

    public static IResult InvalidChannelId() => Error(StatusCodes.Status400BadRequest, "Channel id not valid", "Bad Request");

    public static IResult InvalidKey() => Error(StatusCodes.Status401Unauthorized, "Channel api key is no valid.", "Unauthorized");

    public static IResult ChannelNotFound() => Error(StatusCodes.Status404NotFound, "Channel not found", "Not Found");

    public static IResult SubscriptionNotFound() => Error(StatusCodes.Status404NotFound, "Subscription not found", "Not Found");

    public static IResult Invalid(IReadOnlyList<string> messages) =>
        Results.Json(new { statusCode = StatusCodes.Status400BadRequest, message = messages, error = "Bad Request" }, statusCode: StatusCodes.Status400BadRequest);

    public static IResult TooLarge() => Error(StatusCodes.Status413PayloadTooLarge, "request entity too large", "Payload Too Large");

    public static IResult TooManyRequests() =>
        Results.Json(new { statusCode = StatusCodes.Status429TooManyRequests, message = "ThrottlerException: Too Many Requests" },
            statusCode: StatusCodes.Status429TooManyRequests);
}
