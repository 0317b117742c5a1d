using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Notify.Core.Faces.Batch;
using Notify.Core.Faces.Subscriptions;
using Notify.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Notify.Tests.ApiDocs;

/// <summary>A server with a small body limit, so a huge body costs little to send.</summary>
public sealed class FuzzServer : NotifyServer
{
    public const int MaxBodyBytes = 64 * 1024;

    protected override IEnumerable<string> Settings => [$"--Notify:MaxRequestBodyBytes={MaxBodyBytes}"];
}

/// <summary>
/// Property-based fuzzing from the API descriptions: for every operation of every served document, requests generated
/// from the document's own schemas (valid and mutated) must never get a 5xx, never hang, and get only a documented
/// status with a body that fits the documented schema. Seeded: NOTIFY_FUZZ_SEED replays a run, NOTIFY_FUZZ_CASES sets
/// the cases per operation (default 6); the run stops adding cases after <see cref="Budget"/>.
/// </summary>
public sealed class ApiFuzzTests(FuzzServer server, ITestOutputHelper output) : IClassFixture<FuzzServer>
{
    private const string User = "fuzz-user";
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(35);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    // The operator document goes last: its calls rotate the keys and change the settings the other documents' calls use.
    private static readonly string[] Order = ["v3", "batch", "subscriptions", "status", "operator"];

    [Fact]
    public async Task Every_operation_answers_generated_requests_as_its_document_says()
    {
        var seed = ulong.TryParse(Environment.GetEnvironmentVariable("NOTIFY_FUZZ_SEED"), out var given) ? given : (ulong)Random.Shared.NextInt64();
        var perOperation = int.TryParse(Environment.GetEnvironmentVariable("NOTIFY_FUZZ_CASES"), out var cases) ? cases : 6;
        output.WriteLine($"Fuzz seed {seed}: replay with NOTIFY_FUZZ_SEED={seed}");
        var credentials = await SetUpAsync();
        var pcg = new PCG(1, seed);
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        var sent = 0;
        var operations = 0;
        foreach (var name in Order)
        {
            var document = JsonNode.Parse(await server.Http.GetStringAsync($"/openapi/{name}.json"))!.AsObject();
            var requests = new FuzzRequests(document, credentials[name], FuzzServer.MaxBodyBytes + 1024);
            var check = new ResponseCheck(document);
            foreach (var op in Operations(name, document))
            {
                operations++;
                var gen = requests.For(op);
                // The budget trims the extra cases of a slow run; every operation still gets its first.
                for (var i = 0; i < perOperation && (i == 0 || clock.Elapsed < Budget); i++)
                {
                    var request = gen.Generate(pcg, null, out _);
                    sent++;
                    if (await SendAsync(op, request, check) is { } problem) failures.Add($"{op} — {problem}\n    {request}");
                }
            }
        }
        output.WriteLine($"{sent} requests over {operations} operations in {clock.Elapsed.TotalSeconds:F1} s; {failures.Count} failures");
        Assert.True(failures.Count == 0,
            $"Seed {seed} (NOTIFY_FUZZ_SEED={seed}): {failures.Count} of {sent} requests got answers their document does not allow:\n" +
            string.Join("\n", failures.Distinct().Take(25)));
    }

    private static IEnumerable<FuzzOperation> Operations(string name, JsonObject document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(op => op.Value is JsonObject { } o && o.ContainsKey("responses"))
            .Select(op => new FuzzOperation(name, op.Key, path.Key, op.Value!.AsObject())));

    private async Task<string?> SendAsync(FuzzOperation op, FuzzRequest request, ResponseCheck check)
    {
        var query = string.Join("&", request.Headers.Where(h => h.Name.StartsWith('?'))
            .Select(h => $"{Uri.EscapeDataString(h.Name[1..])}={Uri.EscapeDataString(h.Value)}"));
        using var message = new HttpRequestMessage(new HttpMethod(request.Method.ToUpperInvariant()), request.Path + (query.Length > 0 ? "?" + query : ""));
        foreach (var (name, value) in request.Headers.Where(h => !h.Name.StartsWith('?')))
            message.Headers.TryAddWithoutValidation(name, HeaderSafe(value));
        if (request.Body is not null) message.Content = new StringContent(request.Body, Encoding.UTF8, request.ContentType);
        using var timeout = new CancellationTokenSource(RequestTimeout);
        try
        {
            using var response = await server.Http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var contentType = response.Content.Headers.ContentType?.MediaType;
            // An event stream runs for minutes by design: its headers are the answer.
            var body = contentType == "text/event-stream" ? "" : await response.Content.ReadAsStringAsync(timeout.Token);
            return check.Problem(op, (int)response.StatusCode, contentType, body);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return $"no answer within {RequestTimeout.TotalSeconds} s";
        }
    }

    /// <summary>HTTP cannot carry control characters or non-ASCII in a header; the rest of the value goes as it is.</summary>
    private static string HeaderSafe(string value) => new(value.Select(c => c is < ' ' or > '~' ? '?' : c).ToArray());

    /// <summary>An app, a feed with a subscriber, and what each document's security schemes and path parameters take.</summary>
    private async Task<Dictionary<string, FuzzCredentials>> SetUpAsync()
    {
        var app = await server.CreateAppAsync("fuzz");
        var feed = await server.Http.CallAsync(TestApi.Operator(HttpMethod.Post, $"operator/apps/{app.Id}/feeds", new { name = "fuzz feed" }), HttpStatusCode.Created);
        var feedId = feed["id"]!.GetValue<string>();
        var feedKey = feed["apiKey"]!.GetValue<string>();
        var codeRequest = TestApi.Request(HttpMethod.Get, $"channels/{feedId}/subscriptions/{User}/code");
        codeRequest.Headers.Add(ChannelEndpoints.KeyHeader, feedKey);
        var code = (await server.Http.CallAsync(codeRequest, HttpStatusCode.OK))["code"]!.GetValue<string>();
        var claim = await server.Http.CallAsync(TestApi.Request(HttpMethod.Post, $"feeds/api/codes/{code}/claim"), HttpStatusCode.OK);
        var credential = claim["credential"]!.GetValue<string>();
        var subscriptionId = claim["subscription"]!["id"]!.GetValue<string>();
        await server.Http.CallAsync(app.Backend(HttpMethod.Post, "v3/notifications",
            new { notification = new { title = "Fuzz" }, sendTo = new { recipients = new[] { User } } }), HttpStatusCode.Created);

        Dictionary<string, string> Paths(params (string, string)[] values) => values.ToDictionary(v => v.Item1, v => v.Item2);
        return new Dictionary<string, FuzzCredentials>
        {
            ["v3"] = new(new Dictionary<string, string>
            {
                ["apiKey"] = app.ApiKey, ["apiSecret"] = app.ApiSecret, ["userId"] = User, ["userSignature"] = "unchecked-without-hmac",
            }, Paths(("identifier", User))),
            ["batch"] = new(new Dictionary<string, string>
            {
                ["apiSecret"] = app.ApiSecret, ["projectId"] = app.Id, ["userId"] = User, ["userHmac"] = BatchAuthenticator.UserHmac(app.ApiSecret, User),
            }, Paths()),
            ["subscriptions"] = new(new Dictionary<string, string>
            {
                ["channelKey"] = feedKey, ["subscriberCredential"] = credential, ["subscriberCookie"] = credential,
            }, Paths(("channelId", feedId), ("iuid", User), ("id", subscriptionId), ("code", code), ("file", "app.js"))),
            ["status"] = new(new Dictionary<string, string>
            {
                ["apiSecret"] = app.ApiSecret, ["apiKey"] = app.ApiKey, ["apiKeySecret"] = app.ApiSecret,
            }, Paths()),
            ["operator"] = new(new Dictionary<string, string> { ["operatorKey"] = NotifyServer.OperatorKey },
                Paths(("id", app.Id), ("appId", app.Id), ("feedId", feedId))),
        };
    }
}
