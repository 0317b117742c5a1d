using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Channels.Sms;

/// <summary>
/// A stand-in for ACS <c>POST /sms?api-version=2021-03-07</c> that enforces the documented contract: HMAC-SHA256
/// signature, content hash, repeatability headers (a UUID and an RFC 1123 first-sent time, echoed on the recipient)
/// and body shape. The number picks the answer: …0429 → 429, …0400 → per-recipient 400, …0500 → 500, …0999 → 202 after
/// 12 s, else 202. A
/// repeated repeatability id is answered "rejected" and not texted again. A contract violation answers 401.
/// </summary>
internal sealed class AcsSmsContractEndpoint : IAsyncDisposable
{
    private readonly byte[] _accessKey = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, bool> _seen = new();
    private LoopbackServer? _server;

    public string ConnectionString => $"endpoint={_server!.BaseAddress};accesskey={Convert.ToBase64String(_accessKey)}";
    public ConcurrentQueue<(string RequestId, string To, string Message)> Texted { get; } = new();
    public ConcurrentQueue<string> Violations { get; } = new();

    public static async Task<AcsSmsContractEndpoint> StartAsync()
    {
        var endpoint = new AcsSmsContractEndpoint();
        endpoint._server = await LoopbackServer.StartAsync(app => app.MapPost("/sms", (Func<HttpContext, Task<IResult>>)endpoint.HandleAsync));
        return endpoint;
    }

    public ValueTask DisposeAsync() => _server!.DisposeAsync();

    private async Task<IResult> HandleAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        if (Violation(http.Request, body) is { } violation)
        {
            Violations.Enqueue(violation);
            return Results.Json(new { error = new { code = "ContractViolation", message = violation } }, statusCode: 401);
        }
        var json = JsonNode.Parse(body)!;
        var to = (string)json["smsRecipients"]![0]!["to"]!;
        var requestId = http.Request.Headers["repeatability-request-id"].ToString();
        if (to.EndsWith("0429", StringComparison.Ordinal))
        {
            http.Response.Headers.RetryAfter = "3";
            return Results.Json(new { error = new { code = "TooManyRequests", message = "Too many requests." } }, statusCode: 429);
        }
        if (to.EndsWith("0500", StringComparison.Ordinal)) return Results.StatusCode(500);
        if (to.EndsWith("0999", StringComparison.Ordinal)) await Task.Delay(TimeSpan.FromSeconds(12));
        if (to.EndsWith("0400", StringComparison.Ordinal))
            return Result(to, null, 400, false, "Invalid To phone number format.", "accepted");
        if (!_seen.TryAdd(requestId, true)) return Result(to, null, 202, false, null, "rejected");
        Texted.Enqueue((requestId, to, (string)json["message"]!));
        return Result(to, "Outgoing_" + requestId, 202, true, null, "accepted");
    }

    private static IResult Result(string to, string? messageId, int status, bool successful, string? error, string repeatability) =>
        Results.Json(new { value = new[] { new { to, messageId, httpStatusCode = status, repeatabilityResult = repeatability, successful, errorMessage = error } } },
            statusCode: 202);

    private string? Violation(HttpRequest request, byte[] body)
    {
        if (request.Query["api-version"] != "2021-03-07") return "api-version must be 2021-03-07";
        var requestId = request.Headers["repeatability-request-id"].ToString();
        var firstSent = request.Headers["repeatability-first-sent"].ToString();
        if (!Guid.TryParse(requestId, out _) || !DateTimeOffset.TryParseExact(firstSent, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
            return "repeatability-request-id (a UUID) and repeatability-first-sent (RFC 1123) are required";
        if (AcsHmacCheck.Violation(request, body, _accessKey) is { } signature) return signature;
        var json = JsonNode.Parse(body) as JsonObject;
        return json?["from"] is not JsonValue ? "from is required"
            : json["message"] is not JsonValue ? "message is required"
            : json["smsRecipients"] is not JsonArray { Count: 1 } recipients || recipients[0]?["to"] is not JsonValue
                ? "smsRecipients needs one {to}"
            : (string?)recipients[0]!["repeatabilityRequestId"] != requestId || (string?)recipients[0]!["repeatabilityFirstSent"] != firstSent
                ? "the recipient's repeatability fields must match the headers"
            : null;
    }
}
