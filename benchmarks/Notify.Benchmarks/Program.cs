using System.Text.Json;
using Notify.Benchmarks;
using Notify.Tests.Infrastructure;

// Measures on a fresh Azurite, counting every storage request the service makes: end-to-end fan-out of sends to
// many recipients and to topics, each send beside a raw round of the same storage work issued straight at Azurite
// (FanOutRun), a status-API broadcast to those users with reads of its receivers, the send API under 32 concurrent
// clients in rounds between rounds of a raw "table write + queue put" pair (Rounds), and the batch API's messages.send.
// Arguments (optional): recipients, topic members, sends; or "messages" alone for the messages.send figures only.
if (args is ["messages"])
{
    Console.WriteLine(JsonSerializer.Serialize(Messages(await MeasureMessagesAsync())));
    return;
}
// The fan-out parts collect the emulator's garbage through its inspector before each phase they time.
Azurite.Inspect();
var recipients = args.Length > 0 ? int.Parse(args[0]) : 4_000;
var topicMembers = args.Length > 1 ? int.Parse(args[1]) : 4_000;
var sends = args.Length > 2 ? int.Parse(args[2]) : 2_000;
if (new[] { recipients, topicMembers, sends }.Any(size => size is > 0 and < 100))
    throw new ArgumentException("Each size is 0 (to skip that part) or at least 100.");
const int clients = 32;
// Sends of a fan-out part, each beside a raw round of its size; rounds of accepting alone, between rounds of the raw pair.
const int fanOutRounds = 2;
const int acceptRounds = 4;

// Every send, raw round and send-API part runs on storage of its own: Azurite slows as a table fills, and no part
// should time the rows an earlier one left. A size of 0 skips that part (to measure the send API alone, say).
FanOutRun? fanout = null;
StatusFigures? status = null;
if (recipients > 0)
{
    fanout = await FanOutRun.MeasureAsync("fanout", fanOutRounds, recipients / fanOutRounds,
        (host, size, name) => FanOut.MeasureAsync(host, size, name), RawAzurite.SendChunks,
        async host => status = await StatusRequests.MeasureAsync(host));
    Report.FanOut("fan-out", fanout);
    Console.WriteLine($"status broadcast: {status!.BroadcastPerSecond:F0} receivers/s ({status.Receivers} receivers); " +
        $"read first page {status.FirstPageMs:F0} ms, last page {status.LastPageMs:F0} ms");
}

FanOutRun? topic = null;
if (topicMembers > 0)
{
    topic = await FanOutRun.MeasureAsync("topic", fanOutRounds, topicMembers / fanOutRounds,
        async (host, size, name) =>
        {
            await TopicFanOut.SeedAsync(host, name, size);
            return await TopicFanOut.MeasureAsync(host, name, size);
        },
        RawAzurite.TopicPages, _ => Task.CompletedTask);
    Report.FanOut("topic fan-out", topic);
}

LatencyFigures? pair = null;
SendApiFigures? alone = null, api = null;
if (sends > 0)
{
    (pair, alone) = await SendApi.MeasureAcceptingAloneAsync(clients, sends, acceptRounds);
    Console.WriteLine($"raw table write + queue put: {pair.PerSecond:F0} pairs/s, p50 {pair.P50Ms:F1} ms, p99 {pair.P99Ms:F1} ms ({clients} clients)");
    Report.SendApi("send API, accepting alone", alone, pair, delivered: false);
    api = await SendApi.MeasureAsync(clients, sends);
    Report.SendApi("send API, pipeline delivering meanwhile", api, pair, delivered: true);
}
var messages = await MeasureMessagesAsync();

var model = fanout is null ? null : AccountModel.Of(fanout.Counts, fanout.Recipients);
if (model is not null)
    Console.WriteLine($"model, {AccountModel.Recipients:N0} recipients on one account: {model.Seconds:F0} s, bound by {model.BoundBy}; " +
        $"${model.CostPerMillionLow:F3}–{model.CostPerMillionHigh:F3} per million deliveries");

Console.WriteLine(JsonSerializer.Serialize(new
{
    raw_writes_per_s = Round(fanout?.RawPerSecond),
    raw_first_round_per_s = Round(fanout?.Raw[0].PerSecond),
    raw_last_round_per_s = Round(fanout?.Raw[^1].PerSecond),
    raw_requests_per_recipient = Round(fanout?.RawRequestsPerRecipient, 3),
    fanout_recipients = fanout?.Recipients,
    fanout_sends = fanout?.Sends.Count,
    fanout_recipients_per_s = Round(fanout?.RecipientsPerSecond),
    fanout_ratio = Round(fanout?.Ratio, 2),
    fanout_delivery_parallelism = fanout is null && topic is null ? (int?)null : FanOutRun.DeliveryParallelism,
    fanout_requests_per_recipient = Round((double?)fanout?.Counts.TotalRequests / fanout?.Recipients, 3),
    fanout_entities_written_per_recipient = Round((double?)fanout?.Counts.EntitiesWritten / fanout?.Recipients, 2),
    fanout_entities_read_per_recipient = Round((double?)fanout?.Counts.EntitiesRead / fanout?.Recipients, 3),
    fanout_hottest_partition_share = Round(fanout?.Hottest.Counts.HottestShare, 4),
    fanout_hottest_partition = fanout is null ? null : $"{fanout.Hottest.Counts.Hottest.Key.Table} {fanout.Hottest.Counts.Hottest.Key.Partition}",
    fanout_hottest_share_by_table = fanout?.Hottest.Counts.HottestShareByTable.ToDictionary(t => t.Key, t => Math.Round(t.Value, 4)),
    topic_members = topic?.Recipients,
    topic_raw_writes_per_s = Round(topic?.RawPerSecond),
    topic_raw_requests_per_member = Round(topic?.RawRequestsPerRecipient, 3),
    topic_fanout_members_per_s = Round(topic?.RecipientsPerSecond),
    topic_fanout_ratio = Round(topic?.Ratio, 2),
    topic_requests_per_member = Round((double?)topic?.Counts.TotalRequests / topic?.Recipients, 3),
    topic_hottest_partition_share = Round(topic?.Hottest.Counts.HottestShare, 4),
    pair_per_s = Round(pair?.PerSecond),
    pair_p99_ms = Round(pair?.P99Ms, 1),
    send_per_s = Round(api?.Accept.PerSecond),
    send_p50_ms = Round(api?.Accept.P50Ms, 1),
    send_p99_ms = Round(api?.Accept.P99Ms, 1),
    send_vs_pair = Round(api?.Accept.PerSecond / pair?.PerSecond, 2),
    send_p99_vs_pair = Round(api?.Accept.P99Ms / pair?.P99Ms, 2),
    send_alone_per_s = Round(alone?.Accept.PerSecond),
    send_alone_p50_ms = Round(alone?.Accept.P50Ms, 1),
    send_alone_p99_ms = Round(alone?.Accept.P99Ms, 1),
    send_alone_vs_pair = Round(alone?.Accept.PerSecond / pair?.PerSecond, 2),
    send_alone_p99_vs_pair = Round(alone?.Accept.P99Ms / pair?.P99Ms, 2),
    send_alone_requests_per_send = Round((double?)alone?.Counts.TotalRequests / alone?.Sends, 3),
    requests_per_accepted_send = Round((double?)api?.Counts.InScope("api") / api?.Sends, 3),
    requests_per_send_to_inbox = Round((double?)api?.Counts.TotalRequests / api?.Sends, 3),
    empty_receives_during_sends = api?.Counts.EmptyReceives,
    model_recipients = AccountModel.Recipients,
    model_seconds = Round(model?.Seconds),
    model_bound_by = model?.BoundBy,
    model_requests_per_recipient = Round(model?.RequestsPerRecipient, 3),
    model_hottest_shared_partition_entities = Round(model?.HottestSharedPartitionEntities),
    cost_per_million_deliveries_usd = model is null ? null : new[] { Math.Round(model.CostPerMillionLow, 3), Math.Round(model.CostPerMillionHigh, 3) },
    status_receivers = status?.Receivers,
    status_broadcast_per_s = Round(status?.BroadcastPerSecond),
    status_read_first_page_ms = Round(status?.FirstPageMs),
    status_read_last_page_ms = Round(status?.LastPageMs),
    messages = Messages(messages),
}));

async Task<MessagesSendFigures> MeasureMessagesAsync()
{
    await using var host = await BenchmarkHost.StartAsync("messages");
    var figures = await MessagesSendApi.MeasureAsync(host, clients: 8, batches: 80, v3Sends: 200);
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

static double? Round(double? value, int digits = 0) => value is { } v ? Math.Round(v, digits) : null;
