using System.Text.Json;
using Notify.Benchmarks;

// Measures on a fresh Azurite: raw storage throughput for the inbox path's writes, the send API
// under 32 concurrent clients, end-to-end fan-out of one send to 10,000 recipients, a status-API
// broadcast to those users with reads of its receivers, one send to a topic of 100,000 members, and
// the batch API's messages.send. Arguments (optional): recipients, topic members; or "messages" alone
// for the messages.send figures only.
await using var bench = await BenchmarkHost.StartAsync();
if (args is ["messages"])
{
    Console.WriteLine(JsonSerializer.Serialize(Messages(await MeasureMessagesAsync())));
    return;
}
var recipients = args.Length > 0 ? int.Parse(args[0]) : 10_000;
var topicMembers = args.Length > 1 ? int.Parse(args[1]) : 100_000;

var rawBefore = await RawAzurite.RecipientsPerSecondAsync(await bench.RawStorageAsync("rawbefore"), recipients, concurrency: 32);
Console.WriteLine($"raw Azurite before: {rawBefore:F0} recipients/s ({recipients} recipients)");

var fanout = await FanOut.RecipientsPerSecondAsync(bench, recipients);
// Azurite slows as it holds more rows, so the raw figure is taken before and after the fan-out and averaged:
// the fan-out is neither flattered by a fresh emulator nor penalised by a full one.
var rawAfter = await RawAzurite.RecipientsPerSecondAsync(await bench.RawStorageAsync("rawafter"), recipients, concurrency: 32);
var raw = (rawBefore + rawAfter) / 2;
Console.WriteLine($"raw Azurite after: {rawAfter:F0} recipients/s; baseline {raw:F0}");
Console.WriteLine($"fan-out: {fanout:F0} recipients/s ({fanout / raw:P0} of raw)");

var status = await StatusRequests.MeasureAsync(bench);
Console.WriteLine($"status broadcast: {status.BroadcastPerSecond:F0} receivers/s ({status.Receivers} receivers, {status.BroadcastPerSecond / raw:P0} of raw); " +
    $"read first page {status.FirstPageMs:F0} ms, last page {status.LastPageMs:F0} ms");

var topic = await TopicFanOut.MembersPerSecondAsync(bench, topicMembers);
Console.WriteLine($"topic fan-out: {topic:F0} members/s ({topicMembers} members, {topic / raw:P0} of raw)");

var api = await SendApi.MeasureAsync(bench, clients: 32, sends: 2_000);
Console.WriteLine($"send API: {api.SendsPerSecond:F0} sends/s, p50 {api.P50Ms:F1} ms, p99 {api.P99Ms:F1} ms");
var messages = await MeasureMessagesAsync();

Console.WriteLine(JsonSerializer.Serialize(new
{
    raw_writes_per_s = Math.Round(raw),
    raw_before_per_s = Math.Round(rawBefore),
    raw_after_per_s = Math.Round(rawAfter),
    send_per_s = Math.Round(api.SendsPerSecond),
    send_p50_ms = Math.Round(api.P50Ms, 1),
    send_p99_ms = Math.Round(api.P99Ms, 1),
    fanout_recipients_per_s = Math.Round(fanout),
    fanout_ratio = Math.Round(fanout / raw, 2),
    topic_members = topicMembers,
    topic_fanout_members_per_s = Math.Round(topic),
    topic_fanout_ratio = Math.Round(topic / raw, 2),
    status_receivers = status.Receivers,
    status_broadcast_per_s = Math.Round(status.BroadcastPerSecond),
    status_broadcast_ratio = Math.Round(status.BroadcastPerSecond / raw, 2),
    status_read_first_page_ms = Math.Round(status.FirstPageMs),
    status_read_last_page_ms = Math.Round(status.LastPageMs),
    messages = Messages(messages),
}));

async Task<MessagesSendFigures> MeasureMessagesAsync()
{
    var figures = await MessagesSendApi.MeasureAsync(bench, clients: 8, batches: 80, v3Sends: 200);
    Console.WriteLine($"messages.send: {figures.MessagesPerSecond:F0} messages/s (batches of 50, 8 clients), batch p50 {figures.BatchP50Ms:F0} ms, " +
        $"p99 {figures.BatchP99Ms:F0} ms; {figures.RequestsPerMessage:F1} storage requests a message, {figures.V3RequestsPerSend:F1} a v3 single send");
    return figures;
}

static object Messages(MessagesSendFigures f) => new
{
    messages_per_s = Math.Round(f.MessagesPerSecond),
    batch_p50_ms = Math.Round(f.BatchP50Ms),
    batch_p99_ms = Math.Round(f.BatchP99Ms),
    storage_requests_per_message = Math.Round(f.RequestsPerMessage, 1),
    v3_storage_requests_per_send = Math.Round(f.V3RequestsPerSend, 1),
};
