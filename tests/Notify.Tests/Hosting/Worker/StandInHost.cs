using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Notify.Tests.Hosting.Worker.Rpc;

namespace Notify.Tests.Hosting.Worker;

/// <summary>
/// Stands in for the Azure Functions host in front of the real, built worker: serves the language-worker gRPC
/// stream, starts the worker process, initialises it, asks for its function metadata and loads every function; then
/// invokes functions as the host would: HTTP through the worker's ASP.NET Core listener correlated by invocation id,
/// queue messages as the storage extension decodes them, timers with their schedule status.
/// </summary>
public sealed class StandInHost : IAsyncDisposable
{
    /// <summary>The header by which the worker pairs a proxied HTTP request with its InvocationRequest.</summary>
    public const string InvocationIdHeader = "x-ms-invocation-id";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(60);
    private const int PairingAttempts = 3;

    private readonly WebApplication server;
    private readonly WorkerStream stream;
    private readonly WorkerProcess worker;
    private readonly HttpClient http = new() { Timeout = CallTimeout };
    private Uri workerHttp = null!;

    private StandInHost(WebApplication server, WorkerProcess worker)
    {
        this.server = server;
        this.worker = worker;
        stream = server.Services.GetRequiredService<WorkerStream>();
    }

    public IReadOnlyList<LoadedFunction> Functions { get; private set; } = [];

    /// <summary>From starting the worker process to the last function loaded.</summary>
    public TimeSpan StartupTime { get; private set; }

    public LoadedFunction Function(string name) =>
        Functions.SingleOrDefault(f => f.Name == name) ?? throw new InvalidOperationException($"The worker loaded no function '{name}'");

    /// <summary>Starts the gRPC endpoint and the worker, and loads the worker's functions; fails with the worker's output.</summary>
    public static async Task<StandInHost> StartAsync(IReadOnlyDictionary<string, string> workerSettings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddGrpc(grpc => grpc.MaxReceiveMessageSize = null);
        builder.Services.AddSingleton<WorkerStream>();
        var server = builder.Build();
        server.MapGrpcService<FunctionRpcService>();
        await server.StartAsync();
        var endpoint = new Uri(server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var clock = Stopwatch.StartNew();
        var host = new StandInHost(server, WorkerProcess.Start(endpoint, Guid.NewGuid().ToString(), workerSettings));
        try
        {
            await host.HandshakeAsync();
            host.StartupTime = clock.Elapsed;
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends a request the way the host proxies it (see <see cref="StartPairedAsync"/>) and returns its whole answer.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        var (function, response, invocation) = await StartPairedAsync(request, HttpCompletionOption.ResponseContentRead, PairingAttempts);
        EnsureSucceeded(function, await invocation);
        return await response;
    }

    /// <summary>
    /// Sends GETs to <paramref name="path"/> until one is served, for up to <paramref name="attempts"/> pairing windows:
    /// the worker's first request compiles its whole HTTP path, which on a loaded machine can outlast a test's own retries.
    /// </summary>
    public async Task<bool> TryWarmUpAsync(string path, int attempts)
    {
        var (_, response, invocation) = await StartPairedAsync(new HttpRequestMessage(HttpMethod.Get, path), HttpCompletionOption.ResponseContentRead, attempts);
        // The answer to a request the worker never paired is not awaited: it would only come when the worker gives up.
        if ((await invocation).Result.Status != StatusResult.Types.Status.Success) return false;
        (await response).Dispose();
        return true;
    }

    /// <summary>
    /// For an answer that streams: returns once its headers arrive, as the host passes a streamed response on; the
    /// invocation ends when the stream does (awaited, and checked, by the caller).
    /// </summary>
    public async Task<(HttpResponseMessage Response, Task Invocation)> OpenStreamAsync(HttpRequestMessage request)
    {
        var (function, response, invocation) = await StartPairedAsync(request, HttpCompletionOption.ResponseHeadersRead, PairingAttempts);
        return (await response, invocation.ContinueWith(t => EnsureSucceeded(function, t.Result), TaskScheduler.Default));
    }

    /// <summary>
    /// Sends the request to the worker's own listener with an InvocationRequest for the same id. The worker pairs the
    /// two within fixed windows (5 s for the invocation after the request, 15 s for the request after the invocation);
    /// when a loaded machine misses one, the function never ran, so the request is sent again under a new invocation
    /// id, up to <paramref name="attempts"/> times in all.
    /// </summary>
    private async Task<(LoadedFunction Function, Task<HttpResponseMessage> Response, Task<InvocationResponse> Invocation)> StartPairedAsync(
        HttpRequestMessage request, HttpCompletionOption completion, int attempts)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync();
        for (var attempt = 1; ; attempt++)
        {
            var abandon = new CancellationTokenSource();
            var started = Start(Copy(request, body), completion, abandon.Token);
            if (await Task.WhenAny(started.Response, started.Invocation) == started.Invocation
                && attempt < attempts && NeverPaired(await started.Invocation))
            {
                await abandon.CancelAsync();
                abandon.Dispose();
                continue;
            }
            return started;
        }
    }

    private (LoadedFunction Function, Task<HttpResponseMessage> Response, Task<InvocationResponse> Invocation) Start(
        HttpRequestMessage request, HttpCompletionOption completion, CancellationToken abandon)
    {
        var path = request.RequestUri!.OriginalString.TrimStart('/');
        var function = Functions.FirstOrDefault(f => f.Serves(request.Method, path.Split('?')[0]))
                       ?? throw new InvalidOperationException($"No loaded HTTP function serves {request.Method} {path}");
        var invocationId = Guid.NewGuid().ToString();
        request.RequestUri = new Uri(workerHttp, path);
        request.Headers.Add(InvocationIdHeader, invocationId);
        var requestData = new TypedData { Http = new RpcHttp { Method = request.Method.Method, Url = request.RequestUri.ToString() } };
        // The invocation waits until the request is on its connection: the worker gives an invocation only a few
        // seconds to see its request arrive, and on a loaded machine a new connection can take longer than that.
        var body = new SentSignal(request.Content);
        request.Content = body;
        var response = http.SendAsync(request, completion, abandon);
        return (function, response, InvokeWhenSentAsync(function, requestData, invocationId, body.Sent, response));
    }

    /// <summary>The worker's own words when it gave up pairing a request with its invocation, before the function ran.</summary>
    private static bool NeverPaired(InvocationResponse response) =>
        response.Result.Status != StatusResult.Types.Status.Success
        && response.Result.Exception?.Message is { } message
        && (message.Contains("Timed out waiting for the function start call", StringComparison.Ordinal)
            || message.Contains("Timed out waiting for the HTTP context to be set", StringComparison.Ordinal));

    private static HttpRequestMessage Copy(HttpRequestMessage request, byte[]? body)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri);
        foreach (var header in request.Headers) copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        if (body is null) return copy;
        copy.Content = new ByteArrayContent(body);
        foreach (var header in request.Content!.Headers) copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        return copy;
    }

    private async Task<InvocationResponse> InvokeWhenSentAsync(
        LoadedFunction function, TypedData requestData, string invocationId, Task sent, Task<HttpResponseMessage> response)
    {
        await Task.WhenAny(sent, response);
        return await InvokeAsync(function, new() { [function.BindingName] = requestData }, [], invocationId);
    }

    /// <summary>Invokes a queue function with a message as read from storage: the body base64-decoded, as the host's default messageEncoding does.</summary>
    public Task<InvocationResponse> InvokeQueueAsync(LoadedFunction function, QueueMessage message, bool withDequeueCount = true)
    {
        var body = Encoding.UTF8.GetString(Convert.FromBase64String(message.MessageText));
        var metadata = new Dictionary<string, TypedData>
        {
            ["QueueTrigger"] = new() { String = body },
            ["Id"] = new() { String = message.MessageId },
            ["PopReceipt"] = new() { String = message.PopReceipt },
            ["InsertionTime"] = Json(message.InsertedOn),
            ["ExpirationTime"] = Json(message.ExpiresOn),
            ["NextVisibleTime"] = Json(message.NextVisibleOn),
        };
        if (withDequeueCount) metadata["DequeueCount"] = Json(message.DequeueCount);
        return InvokeAsync(function, new() { [function.BindingName] = new TypedData { String = body } }, metadata);
    }

    /// <summary>Invokes a timer function with the schedule status the timer extension passes.</summary>
    public Task<InvocationResponse> InvokeTimerAsync(LoadedFunction function, DateTimeOffset now)
    {
        var timer = Json(new
        {
            Schedule = new { AdjustForDST = true },
            ScheduleStatus = new { Last = now.AddMinutes(-1), Next = now.AddMinutes(1), LastUpdated = now },
            IsPastDue = false,
        });
        return InvokeAsync(function, new() { [function.BindingName] = timer }, []);
    }

    /// <summary>
    /// Plays the storage extension's queue listener until every queue with a function is empty: receives each message
    /// raw (base64, as the core writes it), invokes the queue's function, deletes the message when it succeeded.
    /// Returns "function#dequeueCount" for each invocation.
    /// </summary>
    public async Task<IReadOnlyList<string>> DrainQueuesAsync(QueueServiceClient queues, TimeSpan timeout)
    {
        var invoked = new List<string>();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var received = 0;
            foreach (var function in Functions.Where(f => f.TriggerType == FunctionMetadata.QueueTrigger))
            {
                var queue = queues.GetQueueClient(function.QueueName);
                foreach (var message in (await queue.ReceiveMessagesAsync(16, TimeSpan.FromSeconds(30))).Value)
                {
                    received++;
                    EnsureSucceeded(function, await InvokeQueueAsync(function, message));
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                    invoked.Add($"{function.Name}#{message.DequeueCount}");
                }
            }
            if (received == 0) return invoked;
        }
        throw new TimeoutException($"The queues did not drain within {timeout.TotalSeconds:0} s; handled so far: {string.Join(", ", invoked)}");
    }

    public static void EnsureSucceeded(LoadedFunction function, InvocationResponse response) =>
        Assert.True(response.Result.Status == StatusResult.Types.Status.Success,
            $"Function {function} failed: {response.Result.Exception?.Message}\n{response.Result.Exception?.StackTrace}");

    public async ValueTask DisposeAsync()
    {
        worker.Dispose();
        http.Dispose();
        await server.StopAsync();
        await server.DisposeAsync();
    }

    private async Task HandshakeAsync()
    {
        await Within(stream.Started, StartTimeout, "open the event stream with StartStream");
        var directory = FunctionsBuild.OutputDirectory;
        var init = (await CallAsync(new StreamingMessage
        {
            WorkerInitRequest = new WorkerInitRequest { HostVersion = "4.0.0-standin", FunctionAppDirectory = directory, WorkerDirectory = directory },
        }, "WorkerInitRequest")).WorkerInitResponse;
        Ensure(init?.Result, "WorkerInitRequest");
        // ASP.NET Core integration reports the address of the worker's own HTTP listener as a capability.
        if (!init!.Capabilities.TryGetValue("HttpUri", out var httpUri))
            throw new InvalidOperationException("The worker reported no HttpUri capability: ASP.NET Core integration is not configured");
        workerHttp = new Uri(httpUri);

        var metadata = (await CallAsync(new StreamingMessage
        {
            FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = directory },
        }, "FunctionsMetadataRequest")).FunctionMetadataResponse;
        Ensure(metadata?.Result, "FunctionsMetadataRequest");
        if (metadata!.UseDefaultMetadataIndexing || metadata.FunctionMetadataResults.Count == 0)
            throw new InvalidOperationException("The worker did not index its own functions");

        var loaded = new List<LoadedFunction>();
        foreach (var function in metadata.FunctionMetadataResults)
        {
            var toLoad = function.Clone();
            toLoad.Directory = directory;
            var load = (await CallAsync(new StreamingMessage
            {
                FunctionLoadRequest = new FunctionLoadRequest { FunctionId = function.FunctionId, Metadata = toLoad },
            }, $"FunctionLoadRequest for '{function.Name}'")).FunctionLoadResponse;
            Ensure(load?.Result, $"FunctionLoadRequest for '{function.Name}'");
            loaded.Add(new LoadedFunction(function));
        }
        Functions = loaded;
    }

    private async Task<InvocationResponse> InvokeAsync(LoadedFunction function, Dictionary<string, TypedData> inputs, Dictionary<string, TypedData> triggerMetadata, string? invocationId = null)
    {
        var request = new InvocationRequest
        {
            InvocationId = invocationId ?? Guid.NewGuid().ToString(),
            FunctionId = function.Id,
            TraceContext = new RpcTraceContext { TraceParent = $"00-{Guid.NewGuid():N}-{Guid.NewGuid().ToString("N")[..16]}-01" },
        };
        foreach (var (name, data) in inputs)
            request.InputData.Add(new ParameterBinding { Name = name, Data = data });
        request.TriggerMetadata.Add(triggerMetadata);
        var answer = await CallAsync(new StreamingMessage { InvocationRequest = request }, $"the invocation of {function}");
        return answer.InvocationResponse ?? throw new InvalidOperationException($"The worker answered the invocation of {function} with {answer.ContentCase}");
    }

    private Task<StreamingMessage> CallAsync(StreamingMessage request, string what) => Within(stream.CallAsync(request), CallTimeout, $"answer {what}");

    /// <summary>Awaits <paramref name="task"/>, failing with the worker's output when it exits or the time is up.</summary>
    private async Task<T> Within<T>(Task<T> task, TimeSpan timeout, string what)
    {
        var finished = await Task.WhenAny(task, worker.Exited, Task.Delay(timeout));
        if (finished == task) return await task;
        var why = worker.HasExited ? $"it exited with code {worker.ExitCode}" : $"it did not within {timeout.TotalSeconds:0} s";
        throw new TimeoutException($"The worker was to {what}, but {why}.\nWorker log over gRPC:\n{stream.Logs}\nWorker output:\n{worker.Output}");
    }

    private void Ensure(StatusResult? result, string what)
    {
        if (result?.Status != StatusResult.Types.Status.Success)
            throw new InvalidOperationException($"The worker failed {what}: {result?.Exception?.Message ?? "no result"}\nWorker log over gRPC:\n{stream.Logs}\nWorker output:\n{worker.Output}");
    }

    private static TypedData Json<T>(T value) => new() { Json = JsonSerializer.Serialize(value) };
}
