using System.Diagnostics;
using System.Net;
using Notify.Core.Faces.Operator;
using Notify.SelfHost;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.SelfHost;

/// <summary>The self-host's build output, started as its own process from an unrelated directory.</summary>
public sealed class StandaloneProcessTests : IDisposable
{
    private readonly string workingDirectory = Directory.CreateTempSubdirectory("notify-selfhost-").FullName;

    [Fact]
    public async Task Should_run_from_any_directory_reading_local_settings_under_environment_variables()
    {
        var storage = await Azurite.ConnectionStringAsync();
        await File.WriteAllTextAsync(Path.Combine(workingDirectory, "local.settings.json"), $$"""
            { "IsEncrypted": false, "Values": {
                "AzureWebJobsStorage": "{{storage}}",
                "Notify:StoragePrefix": "standalone",
                "Notify:OperatorKey": "from-file",
                "Notify__DevelopmentAppId": "from-file-app" } }
            """);
        var port = FreePort.Next();
        var start = new ProcessStartInfo("dotnet", Path.Combine(AppContext.BaseDirectory, "Notify.SelfHost.dll"))
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}", ["Notify__OperatorKey"] = "from-environment" },
        };
        using var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            await LocalTool.WaitForPortAsync(port, process, TimeSpan.FromSeconds(60));

            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("health")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(TestApi.Operator(HttpMethod.Get, "operator/apps/from-file-app", key: "from-file"))).StatusCode);
            var app = await http.CallAsync(TestApi.Operator(HttpMethod.Get, "operator/apps/from-file-app", key: "from-environment"), HttpStatusCode.OK);
            Assert.Equal("from-file-app", app["id"]!.GetValue<string>());
        }
        finally
        {
            LocalTool.Stop(process);
        }
    }

    [Fact]
    public async Task Should_listen_where_the_functions_host_does_unless_told_otherwise()
    {
        await using (var byDefault = SelfHostApp.Create([]))
            Assert.Equal("http://localhost:7071", byDefault.Configuration["urls"]);
        await using var told = SelfHostApp.Create(["--urls", "http://127.0.0.1:5999"]);
        Assert.Equal("http://127.0.0.1:5999", told.Configuration["urls"]);
    }

    public void Dispose() => Directory.Delete(workingDirectory, recursive: true);
}
