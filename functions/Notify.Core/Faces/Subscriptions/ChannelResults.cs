using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Notify.Core.Faces.Subscriptions;

/// <summary>The channels API's error body: <c>message</c> is a string, or for validation an array; a 429 has no <c>error</c>.</summary>
public sealed record ChannelErrorBody(
    int StatusCode, object Message, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error);

/// <summary>A channels API error answer: its status code and <see cref="ChannelErrorBody"/>.</summary>
public sealed class ChannelError(int statusCode, object message, string? error) : IResult, IStatusCodeHttpResult, IValueHttpResult<ChannelErrorBody>
{
    public int? StatusCode => statusCode;
    public ChannelErrorBody Value => new(statusCode, message, error);

    public Task ExecuteAsync(HttpContext httpContext) => TypedResults.Json(Value, statusCode: statusCode).ExecuteAsync(httpContext);
}

/// <summary>The channels API's error dialect, exactly as the seed's server answers (typos included).</summary>
public static class ChannelResults
{
    public static ChannelError Error(int status, string message, string error) => new(status, message, error);

    public static ChannelError InvalidChannelId() => Error(StatusCodes.Status400BadRequest, "Channel id not valid", "Bad Request");

    public static ChannelError InvalidKey() => Error(StatusCodes.Status401Unauthorized, "Channel api key is no valid.", "Unauthorized");

    public static ChannelError ChannelNotFound() => Error(StatusCodes.Status404NotFound, "Channel not found", "Not Found");

    public static ChannelError SubscriptionNotFound() => Error(StatusCodes.Status404NotFound, "Subscription not found", "Not Found");

    public static ChannelError Invalid(IReadOnlyList<string> messages) => new(StatusCodes.Status400BadRequest, messages, "Bad Request");

    public static ChannelError TooLarge() => Error(StatusCodes.Status413PayloadTooLarge, "request entity too large", "Payload Too Large");

    public static ChannelError TooManyRequests() => new(StatusCodes.Status429TooManyRequests, "ThrottlerException: Too Many Requests", null);
}
