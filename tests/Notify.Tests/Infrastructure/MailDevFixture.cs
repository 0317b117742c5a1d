using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Notify.Tests.Infrastructure;

/// <summary>
/// Starts the pinned MailDev (a real SMTP server) once per test collection on free loopback ports and
/// reads what it received through its REST API (<c>/api/email</c> in MailDev 3.0.0).
/// </summary>
public sealed class MailDevFixture : IAsyncLifetime
{
    private Process? _process;

    /// <summary>Small enough that a test can provoke a permanent (5xx) rejection with one large email.</summary>
    public const int MaxMessageSize = 100_000;

    public int SmtpPort { get; } = FreePort.Next();
    public HttpClient Api { get; } = new() { BaseAddress = new Uri($"http://127.0.0.1:{FreePort.Next()}/") };

    public async Task InitializeAsync()
    {
        var tools = Path.Combine(RepositoryRoot.Path, "tools");
        if (!Directory.Exists(Path.Combine(tools, "node_modules")))
        {
            await RunAsync("npm", $"ci --prefix \"{tools}\"");
        }

        _process = Process.Start(new ProcessStartInfo(Path.Combine(tools, "node_modules", ".bin", "maildev"))
        {
            ArgumentList = { "--smtp", $"{SmtpPort}", "--web", $"{Api.BaseAddress!.Port}", "--ip", "127.0.0.1", "--web-ip", "127.0.0.1", "--silent",
                "--max-message-size", $"{MaxMessageSize}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("maildev did not start.");
        // Drain both pipes so MailDev never blocks on a full buffer; keep stderr to explain a failed start.
        var errors = new System.Text.StringBuilder();
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, line) => errors.AppendLine(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        try
        {
            await WaitUntilAsync(async () => (await Api.GetAsync("api/email")).IsSuccessStatusCode, TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException e)
        {
            throw new InvalidOperationException($"MailDev did not start: {errors}", e);
        }
    }

    /// <summary>The received email with this subject, as MailDev's JSON, waiting briefly for it to arrive.</summary>
    public async Task<JsonObject> WaitForEmailAsync(string subject)
    {
        JsonObject? found = null;
        await WaitUntilAsync(async () =>
        {
            var all = await Api.GetFromJsonAsync<JsonArray>("api/email");
            found = all?.OfType<JsonObject>().FirstOrDefault(mail => (string?)mail["subject"] == subject);
            return found is not null;
        }, TimeSpan.FromSeconds(10));
        return found!;
    }

    /// <summary>The raw RFC 5322 source of a received email, for headers MailDev's JSON leaves out (Reply-To).</summary>
    public Task<Stream> GetSourceAsync(string id) => Api.GetStreamAsync($"api/email/{id}/source");

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
        }

        _process?.Dispose();
        Api.Dispose();
        return Task.CompletedTask;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"MailDev condition not met within {timeout}.");
            }

            await Task.Delay(100);
        }
    }

    private static async Task RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)) ?? throw new InvalidOperationException($"{file} did not start.");
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} exited with {process.ExitCode}.");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class MailDevCollection : ICollectionFixture<MailDevFixture>
{
    public const string Name = "MailDev";
}
