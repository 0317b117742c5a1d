using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Notify.Tests.Infrastructure;

namespace Notify.Benchmarks;

/// <summary>
/// Collects the emulator's garbage through Node's inspector (the DevTools protocol's
/// <c>HeapProfiler.collectGarbage</c>). V8 collects its old generation when the heap reaches a limit, so a phase may pay
/// for the garbage of the one before; which phase does depends only on the order of the run, so without this the same
/// phase paid for it run after run (the first fan-out send, runs Z).
/// </summary>
public static class EmulatorHeap
{
    public static async Task CollectAsync()
    {
        var port = Azurite.InspectorPort ?? throw new InvalidOperationException("The emulator was started without its inspector.");
        // A collection of the emulator's heap takes well under a second; a stuck inspector fails the run instead of hanging it.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var http = new HttpClient();
        var targets = JsonNode.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/json/list", timeout.Token))!.AsArray();
        var debugger = targets[0]!["webSocketDebuggerUrl"]!.GetValue<string>();
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(debugger), timeout.Token);
        await socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(new { id = 1, method = "HeapProfiler.collectGarbage" }),
            WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
        // The answer carries the request's id once the collection is done.
        while (JsonNode.Parse(await ReceiveAsync(socket, timeout.Token))?["id"]?.GetValue<int>() != 1) { }
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
    }

    private static async Task<string> ReceiveAsync(ClientWebSocket socket, CancellationToken ct)
    {
        var message = new MemoryStream();
        var buffer = new byte[4096];
        WebSocketReceiveResult part;
        do
        {
            part = await socket.ReceiveAsync(buffer, ct);
            if (part.MessageType == WebSocketMessageType.Close) throw new InvalidOperationException("The emulator's inspector closed the session.");
            message.Write(buffer, 0, part.Count);
        } while (!part.EndOfMessage);
        return Encoding.UTF8.GetString(message.ToArray());
    }
}
