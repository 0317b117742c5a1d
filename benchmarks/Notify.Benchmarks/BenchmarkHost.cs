using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Notify.Core.Storage;
using Notify.SelfHost;
using Notify.Tests.Infrastructure;
using Notify.Core.Faces.V3;

namespace Notify.Benchmarks;

/// <summary>The self-host on loopback over a fresh in-memory Azurite, with one app to send as.</summary>
public sealed class BenchmarkHost : IAsyncDisposable
{
    private const string OperatorKey = "benchmark-operator-key";
    private readonly WebApplication app;

    private BenchmarkHost(WebApplication app, HttpClient http)
    {
        this.app = app;
        Http = http;
    }

    public HttpClient Http { get; }
    public IServiceProvider Services => app.Services;
    public NotifyStorage Storage => app.Services.GetRequiredService<NotifyStorage>();

    /// <summary>Tables of their own for the raw measurement, so neither run pays for the other's rows.</summary>
    public async Task<NotifyStorage> RawStorageAsync(string prefix)
    {
        var raw = StorageConnection.Create(app.Services.GetRequiredService<IConfiguration>(), prefix);
        await raw.CreateIfMissingAsync(CancellationToken.None);
        return raw;
    }
    public string ApiKey { get; private set; } = "";
    public string ApiSecret { get; private set; } = "";
    public string AppId { get; private set; } = "";

    public static async Task<BenchmarkHost> StartAsync()
    {
        var storage = await Azurite.ConnectionStringAsync();
        var app = SelfHostApp.Create(
        [
            "--urls=http://127.0.0.1:0",
            $"--AzureWebJobsStorage={storage}",
            $"--Notify:OperatorKey={OperatorKey}",
            "--Notify:StoragePrefix=svc",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var host = new BenchmarkHost(app, new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(5) });
        await host.CreateAppAsync();
        return host;
    }

    public HttpRequestMessage Send(object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "v3/notifications") { Content = JsonContent.Create(body) };
        request.Headers.Add(V3Headers.ApiKey, ApiKey);
        request.Headers.Add(V3Headers.ApiSecret, ApiSecret);
        return request;
    }

    private async Task CreateAppAsync()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "operator/apps") { Content = JsonContent.Create(new { name = "benchmark" }) };
        request.Headers.Add("X-Notify-Operator-Key", OperatorKey);
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
}
