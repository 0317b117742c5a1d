using System.Text.Json;
using Notify.Benchmarks;

// Measures on a fresh Azurite: raw storage throughput for the inbox path's writes, the send API
// under 32 concurrent clients, end-to-end fan-out of one send to 10,000 recipients, a status-API
// broadcast to those users with reads of its receivers, and one send to a topic of 100,000 members.
// Arguments (optional): recipients, topic members.
var recipients = args.Length > 0 ? int.Parse(args[0]) : 10_000;
var topicMembers = args.Length > 1 ? int.Parse(args[1]) : 100_000;
await using var bench = await BenchmarkHost.StartAsync();

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
}));
