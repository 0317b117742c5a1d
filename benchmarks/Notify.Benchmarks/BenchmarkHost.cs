using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Core.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Notify.Core.Storage;
using Notify.SelfHost;
using Notify.SelfHost.Queues;
using Notify.SelfHost.Timers;
using Notify.Tests.Infrastructure;
using Notify.Core.Faces.Operator;
using Notify.Core.Faces.V3;

namespace Notify.Benchmarks;

/// <summary>
/// The self-host on loopback over a fresh in-memory Azurite, with one app to send as. Every storage
/// request the service makes passes <see cref="Counter"/>; requests made while serving HTTP are in scope "api".
/// </summary>
public sealed class BenchmarkHost : IAsyncDisposable
{
    private const string OperatorKey = "benchmark-operator-key";
    private readonly WebApplication app;
    private readonly string prefix;

    private BenchmarkHost(WebApplication app, HttpClient http, StorageCounter counter, string prefix)
    {
        this.app = app;
        this.prefix = prefix;
        Http = http;
        Counter = counter;
    }

    public HttpClient Http { get; }
    public StorageCounter Counter { get; }
    public IServiceProvider Services => app.Services;

    /// <summary>The service's tables and queues through clients of the benchmark's own, so watching them is not counted.</summary>
    public NotifyStorage Storage { get; private set; } = null!;

    /// <summary>
    /// Tables and queues of their own for a raw baseline, which nothing of the service touches, through clients counted as
    /// the service's are: counting costs CPU, and on a machine the emulator shares it should cost both sides alike.
    /// </summary>
    public async Task<(NotifyStorage Storage, StorageCounter Counter)> RawStorageAsync(string prefix)
    {
        var counter = new StorageCounter(prefix);
        var raw = StorageConnection.Create(app.Services.GetRequiredService<IConfiguration>(), prefix, [counter]);
        await raw.CreateIfMissingAsync(CancellationToken.None);
        counter.Take();
        return (raw, counter);
    }

    public string ApiKey { get; private set; } = "";
    public string ApiSecret { get; private set; } = "";
    public string AppId { get; private set; } = "";

    /// <summary>
    /// The self-host over storage named by <paramref name="prefix"/>, with one new app. Without
    /// <paramref name="withPipeline"/> it serves HTTP only (its queue pollers and timers are not started, as on an
    /// instance that only accepts), so accepting can be measured with nothing delivering meanwhile.
    /// </summary>
    /// <param name="deliveryParallelism">Recipients a chunk's delivery works on at once, when not the service's default.</param>
    public static async Task<BenchmarkHost> StartAsync(string prefix, bool withPipeline = true, int? deliveryParallelism = null)
    {
        var host = await StartAsync(await Azurite.ConnectionStringAsync(), prefix, new StorageCounter(prefix), withPipeline, deliveryParallelism);
        await host.CreateAppAsync();
        return host;
    }

    /// <summary>A second instance over this one's storage and counter, with the pipeline, to deliver what this one accepted.</summary>
    public async Task<BenchmarkHost> StartPipelineAsync()
    {
        var pipeline = await StartAsync(await Azurite.ConnectionStringAsync(), prefix, Counter, withPipeline: true);
        (pipeline.AppId, pipeline.ApiKey, pipeline.ApiSecret) = (AppId, ApiKey, ApiSecret);
        return pipeline;
    }

    private static async Task<BenchmarkHost> StartAsync(string storage, string prefix, StorageCounter counter, bool withPipeline, int? deliveryParallelism = null)
    {
        string[] arguments =
        [
            "--urls=http://127.0.0.1:0",
            $"--AzureWebJobsStorage={storage}",
            $"--Notify:OperatorKey={OperatorKey}",
            $"--Notify:StoragePrefix={prefix}",
            "--Logging:LogLevel:Default=Warning",
            .. deliveryParallelism is { } parallelism ? [$"--Notify:DeliveryParallelism={parallelism}"] : Array.Empty<string>(),
        ];
        var app = SelfHostApp.Create(arguments, builder =>
        {
            builder.Services.AddSingleton<HttpPipelinePolicy>(counter);
            builder.Services.AddSingleton<IStartupFilter, ApiScope>();
            if (!withPipeline)
                foreach (var background in builder.Services.Where(d => d.ImplementationType == typeof(QueuePollers) || d.ImplementationType == typeof(TimerRunner)).ToList())
                    builder.Services.Remove(background);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BenchmarkHost(app, new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(5) }, counter, prefix)
        {
            Storage = StorageConnection.Create(app.Services.GetRequiredService<IConfiguration>(), prefix),
        };
    }

    public HttpRequestMessage Send(object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "v3/notifications") { Content = JsonContent.Create(body) };
        request.Headers.Add(V3Headers.ApiKey, ApiKey);
        request.Headers.Add(V3Headers.ApiSecret, ApiSecret);
        return request;
    }

    /// <summary>Sends the request and fails the run on anything but success.</summary>
    public async Task CallAsync(HttpRequestMessage request)
    {
        using var response = await Http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{request.Method} {request.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public HttpRequestMessage Backend(HttpMethod method, string path, object body)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Add(V3Headers.ApiKey, ApiKey);
        request.Headers.Add(V3Headers.ApiSecret, ApiSecret);
        return request;
    }

    private async Task CreateAppAsync()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "operator/apps") { Content = JsonContent.Create(new { name = "benchmark" }) };
        request.Headers.Add(OperatorCall.KeyHeader, OperatorKey);
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var created = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        (AppId, ApiKey, ApiSecret) = (created["id"]!.GetValue<string>(), created["apiKey"]!.GetValue<string>(), created["apiSecret"]!.GetValue<string>());
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>Marks the storage requests made while serving HTTP, so the accept path is counted apart from the pipeline.</summary>
    private sealed class ApiScope : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
        {
            builder.Use(async (context, call) =>
            {
                StorageCounter.Scope = "api";
                await call(context);
            });
            next(builder);
        };
    }
}
