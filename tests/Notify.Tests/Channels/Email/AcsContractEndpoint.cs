using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Channels.Email;

/// <summary>
/// A stand-in for ACS <c>POST /emails:send</c> that enforces the documented contract: HMAC-SHA256 signature over
/// <c>VERB\npath?query\ndate;host;hash</c> (or a bearer token), the content hash, api-version and body shape.
/// The recipient's local part picks the answer: throttle → 429, invalid → 400, boom → 500, otherwise 202.
/// A contract violation answers 401 with an ACS error body whose message says what was wrong.
/// </summary>
internal sealed class AcsContractEndpoint : IAsyncDisposable
{
    public const string BearerToken = "test-entra-token";
    private readonly byte[] _accessKey = RandomNumberGenerator.GetBytes(32);
    private LoopbackServer? _server;

    public Uri Endpoint => _server!.BaseAddress;
    public string ConnectionString => $"endpoint={Endpoint};accesskey={Convert.ToBase64String(_accessKey)}";
    public ConcurrentQueue<(string OperationId, JsonObject Body)> Received { get; } = new();

    public static async Task<AcsContractEndpoint> StartAsync()
    {
        var endpoint = new AcsContractEndpoint();
        endpoint._server = await LoopbackServer.StartAsync(app => app.MapPost("/emails:send", (Func<HttpContext, Task<IResult>>)endpoint.HandleAsync));
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
            return Error(401, "ContractViolation", violation);
        }

        var json = JsonNode.Parse(body)!.AsObject();
        var operationId = http.Request.Headers["Operation-Id"].ToString();
        Received.Enqueue((operationId, json));
        var to = (string)json["recipients"]!["to"]![0]!["address"]!;
        switch (to.Split('@')[0])
        {
            case "throttle":
                http.Response.Headers.RetryAfter = "7";
                return Error(429, "TooManyRequests", "Sending quota exceeded.");
            case "invalid":
                return Error(400, "InvalidRecipient", "The recipient address is not valid.");
            case "boom":
                return Results.StatusCode(500);
            default:
                http.Response.Headers["Operation-Location"] = $"{Endpoint}emails/operations/{operationId}?api-version=2025-09-01";
                return Results.Json(new { id = operationId, status = "Running" }, statusCode: 202);
        }
    }

    private string? Violation(HttpRequest request, byte[] body)
    {
        if (request.Query["api-version"] != "2025-09-01")
        {
            return "api-version must be 2025-09-01";
        }

        if (!Guid.TryParse(request.Headers["Operation-Id"], out _) || string.IsNullOrEmpty(request.Headers["x-ms-client-request-id"]))
        {
            return "Operation-Id (a UUID) and x-ms-client-request-id are required";
        }

        return AuthViolation(request, body) ?? BodyViolation(JsonNode.Parse(body) as JsonObject);
    }

    private string? AuthViolation(HttpRequest request, byte[] body)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization == $"Bearer {BearerToken}")
        {
            return null;
        }

        return AcsHmacCheck.Violation(request, body, _accessKey);
    }

    private static string? BodyViolation(JsonObject? body) =>
        body is null ? "body must be a JSON object"
        : body["senderAddress"] is not JsonValue ? "senderAddress is required"
        : body["content"]?["subject"] is not JsonValue ? "content.subject is required"
        : body["content"]?["html"] is null && body["content"]?["plainText"] is null ? "content needs html or plainText"
        : body["recipients"]?["to"] is not JsonArray { Count: > 0 } to || to[0]?["address"] is not JsonValue
            ? "recipients.to needs at least one {address}"
        : body["userEngagementTrackingDisabled"] is not JsonValue ? "userEngagementTrackingDisabled is expected"
        : null;

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new { error = new { code, message } }, statusCode: status);
}
