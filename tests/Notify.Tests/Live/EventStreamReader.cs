using System.Text;
using System.Text.Json.Nodes;

namespace Notify.Tests.Live;

public sealed record ServerEvent(string? Id, string Name, JsonNode? Data);

/// <summary>Reads server-sent events off an open response, as a browser's EventSource parses them.</summary>
public sealed class EventStreamReader(HttpResponseMessage response, StreamReader reader) : IAsyncDisposable
{
    public HttpResponseMessage Response => response;

    public static async Task<EventStreamReader> OpenAsync(HttpClient http, HttpRequestMessage request)
    {
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return new EventStreamReader(response, new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8));
    }

    /// <summary>The next event (comments and retry lines skipped), or a failed assertion after <paramref name="timeout"/>.</summary>
    public async Task<ServerEvent> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        string? id = null, name = null;
        var data = new StringBuilder();
        while (true)
        {
            var line = await reader.ReadLineAsync(cts.Token) ?? throw new InvalidOperationException("The stream ended");
            if (line.Length == 0)
            {
                if (name is not null || data.Length > 0) return new ServerEvent(id, name ?? "message", data.Length == 0 ? null : JsonNode.Parse(data.ToString()));
                continue;
            }
            if (line.StartsWith(':')) continue;
            var colon = line.IndexOf(':');
            var (field, value) = colon < 0 ? (line, "") : (line[..colon], line[(colon + 1)..].TrimStart(' '));
            switch (field)
            {
                case "id": id = value; break;
                case "event": name = value; break;
                case "data": data.Append(value); break;
            }
        }
    }

    /// <summary>Skips events until one named <paramref name="name"/> arrives.</summary>
    public async Task<ServerEvent> NextNamedAsync(string name, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var e = await NextAsync(TimeSpan.FromTicks(Math.Max(1, (deadline - DateTime.UtcNow).Ticks)));
            if (e.Name == name) return e;
        }
    }

    public async ValueTask DisposeAsync()
    {
        reader.Dispose();
        response.Dispose();
        await Task.CompletedTask;
    }
}
