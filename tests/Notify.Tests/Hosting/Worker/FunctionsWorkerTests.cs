using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Notify.Core.Faces.Operator;
using Notify.Core.Hosting;
using Notify.Core.Pipeline;
using Notify.Core.Scheduling;
using Notify.Core.Storage;
using Notify.Tests.Hosting.Worker.Rpc;
using Notify.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Notify.Tests.Hosting.Worker;

/// <summary>The built worker under the stand-in host, over Azurite with the unprefixed names the Functions app uses.</summary>
public sealed class WorkerFixture : IAsyncLifetime
{
    public const string OperatorKey = "worker-operator-key";

    public StandInHost Host { get; private set; } = null!;
    public QueueServiceClient Queues { get; private set; } = null!;
    public NotifyStorage Storage { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var connection = await Azurite.ConnectionStringAsync();
        Queues = new QueueServiceClient(connection);
        Storage = new NotifyStorage(new TableServiceClient(connection), new QueueServiceClient(connection, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }), "");
        var settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = connection,
            ["Notify__OperatorKey"] = OperatorKey,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        // The worker must first serve one request (an operator call without its key, refused before any storage is
        // touched): its first compiles the whole HTTP path, and on a loaded machine a test's first call timed out so.
        // A worker that pairs none within 30 s is started anew: in one CI run two workers paired none in 90 s while a
        // third, started beside them, served its own, which points at the workers themselves rather than at load.
        for (var start = 1; ; start++)
        {
            Host = await StandInHost.StartAsync(settings);
            if (await Host.TryWarmUpAsync("operator/apps", attempts: 6)) return;
            await Host.DisposeAsync();
            Host = null!;
            if (start == WorkerStarts) throw new InvalidOperationException($"No worker of {WorkerStarts} served its first request");
        }
    }

    private const int WorkerStarts = 3;

    public async Task DisposeAsync()
    {
        if (Host is not null) await Host.DisposeAsync();
    }
}

/// <summary>
/// Starts the built Functions worker (<c>dotnet Notify.Functions.dll</c>) against the stand-in host and drives it
/// through the language-worker protocol: its own metadata, HTTP through the ASP.NET Core integration, queue messages
/// with their dequeue count, and a timer.
/// </summary>
public sealed partial class FunctionsWorkerTests(WorkerFixture worker, ITestOutputHelper output) : IClassFixture<WorkerFixture>
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public void Should_load_every_function_of_its_own_metadata()
    {
        var built = FunctionMetadata.Parse(FunctionsBuild.ReadMetadata()).Select(f => f.Name).Order();

        output.WriteLine($"Worker started and loaded {worker.Host.Functions.Count} functions in {worker.Host.StartupTime.TotalSeconds:F1} s");
        Assert.Equal(built, worker.Host.Functions.Select(f => f.Name).Order());
    }

    [Fact]
    public async Task Should_answer_a_v3_send_over_http_and_fan_it_out_into_the_inbox_through_the_queue_functions()
    {
        var app = await CreateAppAsync();

        var sent = await CallAsync(app.Backend(HttpMethod.Post, "v3/notifications", new
        {
            notification = new { title = "Through the worker", message = "queued and delivered" },
            sendTo = new { recipients = new[] { "alice" } },
        }), HttpStatusCode.Created);
        var invoked = await worker.Host.DrainQueuesAsync(worker.Queues, DrainTimeout);
        var inbox = await CallAsync(app.AsUser("alice", HttpMethod.Get, "v3/notifications?pageNo=1&limit=15"), HttpStatusCode.OK);

        Assert.False(string.IsNullOrEmpty(sent["requestId"]?.GetValue<string>()), $"No requestId in {sent}");
        // A send of one chunk is committed with its recipients on its row and delivered by the send function itself.
        Assert.Contains("Sends#1", invoked);
        var item = Assert.Single(inbox["data"]!.AsArray());
        Assert.Equal("Through the worker", item!["title"]!.GetValue<string>());
        Assert.Equal(1, inbox["unreadCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Should_dispatch_by_the_face_route_table_inside_the_forwarding_function()
    {
        var app = await CreateAppAsync();

        var user = await CallAsync(app.Backend(HttpMethod.Put, "v3/users/team%2Falice", new { plan = "pro" }), HttpStatusCode.OK);
        using var wrongMethod = await worker.Host.SendAsync(app.Backend(HttpMethod.Get, "v3/users/team%2Falice"));
        using var unknownPath = await worker.Host.SendAsync(app.Backend(HttpMethod.Get, "v3/nosuchthing"));
        // The v4 prefix is the V3 face's second one: the answer comes from its workflow handler, not from the dispatcher.
        var workflow = await CallAsync(app.Backend(HttpMethod.Patch, "v4/workflows/onboarding", new { cancellationKey = "k1" }), HttpStatusCode.NotFound);

        Assert.Equal("team/alice", user["identifier"]!.GetValue<string>());
        Assert.Equal("pro", user["profile"]!["plan"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownPath.StatusCode);
        Assert.Equal("Workflow run not found", workflow["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_reach_every_route_of_every_face_through_its_forwarding_function()
    {
        var unreached = new List<string>();
        foreach (var face in ApiFaces.All)
            foreach (var route in face.Routes)
            {
                // "1" fits any route parameter, constrained or not; without credentials a handler answers in its
                // face's dialect, with a body, while the dispatcher's own 404 and 405 have none.
                var path = RouteParameter().Replace(route.Template, "1");
                using var response = await worker.Host.SendAsync(new HttpRequestMessage(new HttpMethod(route.Method), path));
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed && body.Length == 0)
                    unreached.Add($"{route} of face '{face.Name}' ({path}): {(int)response.StatusCode} from the dispatcher");
            }

        Assert.True(unreached.Count == 0, "Routes the Functions app does not reach:\n" + string.Join("\n", unreached));
    }

    [Fact]
    public async Task Should_bind_the_dequeue_count_of_a_queue_message_and_fail_without_it()
    {
        var sends = worker.Host.Function("Sends");
        var body = JsonSerializer.Serialize(new SendMessage("noapp", "nosend"), JsonSerializerOptions.Web);
        var message = QueuesModelFactory.QueueMessage("m1", "p1", Convert.ToBase64String(Encoding.UTF8.GetBytes(body)), 2,
            nextVisibleOn: DateTimeOffset.UtcNow, insertedOn: DateTimeOffset.UtcNow, expiresOn: DateTimeOffset.UtcNow.AddDays(7));

        var bound = await worker.Host.InvokeQueueAsync(sends, message);
        var unbound = await worker.Host.InvokeQueueAsync(sends, message, withDequeueCount: false);

        StandInHost.EnsureSucceeded(sends, bound);
        Assert.Equal(StatusResult.Types.Status.Failure, unbound.Result.Status);
        Assert.Contains("dequeueCount", unbound.Result.Exception.Message);
    }

    [Fact]
    public async Task Should_release_a_due_schedule_through_the_timer_function()
    {
        var sendId = "timer" + Guid.NewGuid().ToString("N")[..12];
        var schedules = new ScheduleStore(worker.Storage);
        await schedules.AddAsync("timerapp", sendId, DateTimeOffset.UtcNow.AddMinutes(-1), default);
        var timer = worker.Host.Function(ScheduleReleaseJob.Name);

        StandInHost.EnsureSucceeded(timer, await worker.Host.InvokeTimerAsync(timer, DateTimeOffset.UtcNow));

        var remaining = await schedules.DueAsync(DateTimeOffset.UtcNow, default).Where(r => r.SendId == sendId).ToListAsync();
        Assert.Empty(remaining);
        var released = await worker.Queues.GetQueueClient(QueueNames.Sends).PeekMessagesAsync(32);
        Assert.Contains(released.Value, m => Encoding.UTF8.GetString(Convert.FromBase64String(m.MessageText)).Contains(sendId));
    }

    private async Task<TestApp> CreateAppAsync()
    {
        var request = TestApi.Request(HttpMethod.Post, "operator/apps", new { name = "worker app" });
        request.Headers.Add(OperatorCall.KeyHeader, WorkerFixture.OperatorKey);
        var created = await CallAsync(request, HttpStatusCode.Created);
        return new TestApp(created["id"]!.GetValue<string>(), created["apiKey"]!.GetValue<string>(), created["apiSecret"]!.GetValue<string>());
    }

    private async Task<JsonNode> CallAsync(HttpRequestMessage request, HttpStatusCode expected)
    {
        using var response = await worker.Host.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected} but got {(int)response.StatusCode}: {text}");
        return string.IsNullOrEmpty(text) ? new JsonObject() : JsonNode.Parse(text)!;
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
