using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Notify.Core.Faces.Kit;

/// <summary>The one answer to a failure no face foresaw: no detail, but the id that finds its log entry.</summary>
public sealed record UnexpectedFailureBody(string Status, string Message, string CorrelationId);

/// <summary>
/// Answers an unexpected failure the same way in both hosts: the self-host's exception handler and, under
/// Functions, <see cref="ApiDispatcher"/> call it. The exception is logged with the correlation id, never
/// shown to the caller.
/// </summary>
public static class UnexpectedFailure
{
    public const string CorrelationHeader = "X-Correlation-Id";

    public static async Task AnswerAsync(HttpContext context, Exception? error, ILogger logger)
    {
        var correlationId = context.TraceIdentifier;
        logger.LogError(error, "Unexpected failure {CorrelationId} answering {Method} {Path}", correlationId, context.Request.Method, context.Request.Path);
        if (context.Response.HasStarted) return;
        context.Response.Clear();
        context.Response.Headers[CorrelationHeader] = correlationId;
        await TypedResults.Json(new UnexpectedFailureBody("error", "Internal server error", correlationId), statusCode: StatusCodes.Status500InternalServerError)
            .ExecuteAsync(context);
    }
}
