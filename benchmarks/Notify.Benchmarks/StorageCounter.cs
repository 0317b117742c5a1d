using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Notify.Benchmarks;

/// <summary>
/// Counts every table and queue request the service makes, as it leaves the Azure SDK: requests per
/// table or queue and operation, entities written per (table, partition) (a transaction counts each of
/// its entities), and entities returned by reads. <see cref="Scope"/> tells API work from pipeline work.
/// </summary>
public sealed partial class StorageCounter(string storagePrefix) : HttpPipelinePolicy
{
    private static readonly AsyncLocal<string?> CurrentScope = new();
    private ConcurrentDictionary<string, long> requests = new();
    private ConcurrentDictionary<(string Table, string Partition), long> written = new();
    private long entitiesRead;
    private long emptyReceives;

    /// <summary>Requests made within this async flow are also counted under this scope's name.</summary>
    public static string? Scope
    {
        get => CurrentScope.Value;
        set => CurrentScope.Value = value;
    }

    public StorageCounts Take()
    {
        var counts = new StorageCounts(
            requests.ToDictionary(), written.ToDictionary(), Interlocked.Exchange(ref entitiesRead, 0), Interlocked.Exchange(ref emptyReceives, 0));
        requests = new();
        written = new();
        return counts;
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ProcessNext(message, pipeline);
        Count(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline);
        Count(message);
    }

    private void Count(HttpMessage message)
    {
        var request = message.Request;
        var path = Uri.UnescapeDataString(request.Uri.Path);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        // Azurite's paths start with the account name.
        var resource = segments.Length > 1 ? segments[1] : "";
        var isQueue = path.Contains("/messages", StringComparison.Ordinal) || request.Uri.Query.Contains("comp=", StringComparison.Ordinal);
        string kind;
        if (isQueue)
        {
            var queue = Unprefixed(resource);
            kind = $"queue {queue} {request.Method.Method}";
            if (request.Method == RequestMethod.Get && message.HasResponse && !Body(message.Response.Content).Contains("<QueueMessage>", StringComparison.Ordinal))
                Interlocked.Increment(ref emptyReceives);
        }
        else if (resource == "$batch")
        {
            var body = RequestBody(request);
            var operations = OperationLine().Matches(body);
            var table = operations.Count > 0 ? Unprefixed(TableOf(operations[0].Groups["url"].Value)) : "?";
            kind = $"table {table} batch";
            var partition = PartitionOf(body);
            written.AddOrUpdate((table, partition), operations.Count, (_, n) => n + operations.Count);
        }
        else
        {
            var table = Unprefixed(TableOf(resource));
            var isQuery = request.Method == RequestMethod.Get;
            kind = $"table {table} {(isQuery ? (resource.EndsWith("()", StringComparison.Ordinal) ? "query" : "read") : request.Method.Method.ToLowerInvariant())}";
            if (isQuery && message.HasResponse && message.Response.Status == 200)
                Interlocked.Add(ref entitiesRead, EntityCount(Body(message.Response.Content)));
            else if (!isQuery)
            {
                var partition = PartitionInUrl().Match(resource) is { Success: true } m ? m.Groups[1].Value : PartitionOf(RequestBody(request));
                written.AddOrUpdate((table, partition), 1, (_, n) => n + 1);
            }
        }
        requests.AddOrUpdate(kind, 1, (_, n) => n + 1);
        if (Scope is { } scope) requests.AddOrUpdate($"scope {scope}", 1, (_, n) => n + 1);
    }

    private string Unprefixed(string name) => name.StartsWith(storagePrefix, StringComparison.Ordinal) ? name[storagePrefix.Length..] : name;

    private static string TableOf(string resource)
    {
        var end = resource.IndexOfAny(['(', '?']);
        var name = end < 0 ? resource : resource[..end];
        return name[(name.LastIndexOf('/') + 1)..];
    }

    private static string PartitionOf(string body)
    {
        var inUrl = PartitionInUrl().Match(body);
        if (inUrl.Success) return inUrl.Groups[1].Value;
        var inJson = PartitionInJson().Match(body);
        return inJson.Success ? Regex.Unescape(inJson.Groups[1].Value) : "?";
    }

    private static int EntityCount(string body) => EtagProperty().Count(body);

    private static string Body(BinaryData? content) => content is null ? "" : Encoding.UTF8.GetString(content.ToMemory().Span);

    private static string RequestBody(Request request)
    {
        if (request.Content is null) return "";
        using var stream = new MemoryStream();
        request.Content.WriteTo(stream, CancellationToken.None);
        return Uri.UnescapeDataString(Encoding.UTF8.GetString(stream.ToArray()));
    }

    [GeneratedRegex(@"^(?:POST|PUT|MERGE|PATCH|DELETE) (?<url>\S+) HTTP/1\.1", RegexOptions.Multiline)]
    private static partial Regex OperationLine();

    [GeneratedRegex(@"PartitionKey='((?:[^']|'')*)'")]
    private static partial Regex PartitionInUrl();

    [GeneratedRegex(@"""PartitionKey""\s*:\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex PartitionInJson();

    [GeneratedRegex(@"""odata\.etag""")]
    private static partial Regex EtagProperty();
}

/// <summary>What a <see cref="StorageCounter"/> saw over one phase of the benchmark.</summary>
public sealed record StorageCounts(
    IReadOnlyDictionary<string, long> Requests,
    IReadOnlyDictionary<(string Table, string Partition), long> Written,
    long EntitiesRead,
    long EmptyReceives)
{
    public long TotalRequests => Requests.Where(r => !r.Key.StartsWith("scope ", StringComparison.Ordinal)).Sum(r => r.Value);

    public long InScope(string scope) => Requests.GetValueOrDefault($"scope {scope}");

    /// <summary>Without queue receives and peeks, which the pollers make whether or not there is work.</summary>
    public long WithoutQueueReads => TotalRequests
        - Requests.Where(r => r.Key.StartsWith("queue ", StringComparison.Ordinal) && (r.Key.EndsWith(" GET", StringComparison.Ordinal) || r.Key.EndsWith(" HEAD", StringComparison.Ordinal))).Sum(r => r.Value);

    public long EntitiesWritten => Written.Values.Sum();

    public ((string Table, string Partition) Key, long Entities) Hottest =>
        Written.Count == 0 ? (("", ""), 0) : Written.MaxBy(w => w.Value) is var top ? (top.Key, top.Value) : default;

    public double HottestShare => EntitiesWritten == 0 ? 0 : (double)Hottest.Entities / EntitiesWritten;

    /// <summary>The hottest partition's share of the entities its own table was written.</summary>
    public IReadOnlyDictionary<string, double> HottestShareByTable =>
        Written.GroupBy(w => w.Key.Table).ToDictionary(g => g.Key, g => (double)g.Max(w => w.Value) / g.Sum(w => w.Value));

    /// <summary>Phases taken together.</summary>
    public static StorageCounts Sum(IEnumerable<StorageCounts> phases)
    {
        var all = phases.ToList();
        return new StorageCounts(
            all.SelectMany(c => c.Requests).GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.Sum(r => r.Value)),
            all.SelectMany(c => c.Written).GroupBy(w => w.Key).ToDictionary(g => g.Key, g => g.Sum(w => w.Value)),
            all.Sum(c => c.EntitiesRead),
            all.Sum(c => c.EmptyReceives));
    }
}
