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
        _process = LocalTool.Start("maildev",
            $"--smtp {SmtpPort} --web {Api.BaseAddress!.Port} --ip 127.0.0.1 --web-ip 127.0.0.1 --silent --max-message-size {MaxMessageSize}");
        await WaitUntilAsync(async () => (await Api.GetAsync("api/email")).IsSuccessStatusCode, TimeSpan.FromSeconds(30));
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
        if (_process is not null) LocalTool.Stop(_process);
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
}

[CollectionDefinition(Name)]
public sealed class MailDevCollection : ICollectionFixture<MailDevFixture>
{
    public const string Name = "MailDev";
}
