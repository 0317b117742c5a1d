using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace Notify.Core.Storage;

/// <summary>The tables and queues of one deployment, named with its storage prefix.</summary>
public sealed class NotifyStorage(TableServiceClient tables, QueueServiceClient queues, string prefix)
{
    private static readonly JsonSerializerOptions MessageJson = new(JsonSerializerDefaults.Web);

    public TableClient Table(string name) => tables.GetTableClient(prefix + name);

    public QueueClient Queue(string name) => queues.GetQueueClient(prefix + name);

    public string QueueName(string name) => prefix + name;

    /// <summary>
    /// Raised after a message is queued for immediate processing, with the queue's logical name, so a
    /// poller in this process can look at once rather than wait out its idle back-off (the Functions
    /// host does the same for messages its own functions write).
    /// </summary>
    public event Action<string>? Enqueued;

    public Task EnqueueAsync<T>(string queue, T message, TimeSpan? delay, CancellationToken ct) =>
        EnqueueBodyAsync(queue, JsonSerializer.Serialize(message, MessageJson), delay, ct);

    /// <summary>Queues a message body as it is (a replayed one, say).</summary>
    public async Task EnqueueBodyAsync(string queue, string body, TimeSpan? delay, CancellationToken ct)
    {
        await Queue(queue).SendMessageAsync(body, delay, cancellationToken: ct);
        if (delay is null || delay <= TimeSpan.Zero) Enqueued?.Invoke(queue);
    }

    public static T ReadMessage<T>(string body) =>
        JsonSerializer.Deserialize<T>(body, MessageJson) ?? throw new JsonException("Empty queue message.");

    public async Task CreateIfMissingAsync(CancellationToken ct)
    {
        await Task.WhenAll(TableNames.All.Select(t => Table(t).CreateIfNotExistsAsync(ct)));
        await Task.WhenAll(QueueNames.Everything().Select(q => Queue(q).CreateIfNotExistsAsync(cancellationToken: ct)));
    }
}
