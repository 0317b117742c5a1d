using System.Globalization;
using System.Text.Json;

namespace Notify.SelfHost.Queues;

/// <summary>Reads the queue settings of host.json, the file the Functions host reads, so both hosts poll alike.</summary>
public static class HostJson
{
    public static QueueHostOptions ReadQueueOptions(string path)
    {
        var defaults = new QueueHostOptions();
        if (!File.Exists(path)) return defaults;
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!document.RootElement.TryGetProperty("extensions", out var extensions) || !extensions.TryGetProperty("queues", out var queues))
            return defaults;
        var batchSize = Math.Clamp(Int(queues, "batchSize") ?? defaults.BatchSize, 1, 32);
        return new QueueHostOptions
        {
            BatchSize = batchSize,
            NewBatchThreshold = Int(queues, "newBatchThreshold") ?? batchSize / 2,
            MaxPollingInterval = Time(queues, "maxPollingInterval") ?? defaults.MaxPollingInterval,
            VisibilityTimeout = Time(queues, "visibilityTimeout") ?? defaults.VisibilityTimeout,
            MaxDequeueCount = Int(queues, "maxDequeueCount") ?? defaults.MaxDequeueCount,
        };
    }

    private static int? Int(JsonElement section, string name) =>
        section.TryGetProperty(name, out var value) && value.TryGetInt32(out var number) ? number : null;

    private static TimeSpan? Time(JsonElement section, string name) =>
        section.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? TimeSpan.Parse(value.GetString()!, CultureInfo.InvariantCulture)
            : null;
}
