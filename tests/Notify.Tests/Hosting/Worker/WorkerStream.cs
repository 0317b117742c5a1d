using System.Collections.Concurrent;
using System.Threading.Channels;
using Grpc.Core;
using Notify.Tests.Hosting.Worker.Rpc;

namespace Notify.Tests.Hosting.Worker;

/// <summary>
/// The host's side of the worker's one bidirectional <c>EventStream</c>: waits for the worker's StartStream, sends
/// requests, and hands each answer to the caller that waits for it (the worker echoes the request id).
/// </summary>
public sealed class WorkerStream
{
    private const int KeptLogs = 200;
    private readonly TaskCompletionSource<string> started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Channel<StreamingMessage> outgoing = Channel.CreateUnbounded<StreamingMessage>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StreamingMessage>> pending = new();
    private readonly ConcurrentQueue<string> logs = new();

    /// <summary>Completes with the worker id of the StartStream message.</summary>
    public Task<string> Started => started.Task;

    /// <summary>The last log lines the worker sent over the stream (RpcLog), for failure messages.</summary>
    public string Logs => string.Join("\n", logs);

    public async Task RunAsync(IAsyncStreamReader<StreamingMessage> fromWorker, IServerStreamWriter<StreamingMessage> toWorker, CancellationToken ct)
    {
        if (!await fromWorker.MoveNext(ct) || fromWorker.Current.ContentCase != StreamingMessage.ContentOneofCase.StartStream)
        {
            started.TrySetException(new InvalidOperationException("The worker opened the event stream without a StartStream message"));
            return;
        }
        started.TrySetResult(fromWorker.Current.StartStream.WorkerId);
        var writing = WriteAsync(toWorker, ct);
        try
        {
            while (await fromWorker.MoveNext(ct))
                Receive(fromWorker.Current);
        }
        finally
        {
            outgoing.Writer.TryComplete();
            foreach (var call in pending.Values)
                call.TrySetException(new InvalidOperationException("The worker closed the event stream\n" + Logs));
        }
        await writing;
    }

    /// <summary>Sends <paramref name="request"/> and returns the worker's answer to it.</summary>
    public async Task<StreamingMessage> CallAsync(StreamingMessage request)
    {
        request.RequestId = Guid.NewGuid().ToString();
        var answer = new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[request.RequestId] = answer;
        try
        {
            await outgoing.Writer.WriteAsync(request);
            return await answer.Task;
        }
        finally
        {
            pending.TryRemove(request.RequestId, out _);
        }
    }

    private async Task WriteAsync(IServerStreamWriter<StreamingMessage> toWorker, CancellationToken ct)
    {
        await foreach (var message in outgoing.Reader.ReadAllAsync(ct))
            await toWorker.WriteAsync(message, ct);
    }

    private void Receive(StreamingMessage message)
    {
        if (message.ContentCase == StreamingMessage.ContentOneofCase.RpcLog)
        {
            var log = message.RpcLog;
            logs.Enqueue($"[{log.Level}] {log.Category}: {log.Message} {log.Exception?.Message}".TrimEnd());
            while (logs.Count > KeptLogs) logs.TryDequeue(out _);
            return;
        }
        if (pending.TryGetValue(message.RequestId, out var call))
            call.TrySetResult(message);
    }
}

/// <summary>The gRPC service the worker connects to; every call is handed to the one <see cref="WorkerStream"/>.</summary>
public sealed class FunctionRpcService(WorkerStream stream) : FunctionRpc.FunctionRpcBase
{
    public override Task EventStream(IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context) =>
        stream.RunAsync(requestStream, responseStream, context.CancellationToken);
}
