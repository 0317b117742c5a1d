using System.Text.Json;
using Notify.Benchmarks;

// Measures on a fresh Azurite, counting every storage request the service makes: raw storage throughput
// for the inbox path's writes, end-to-end fan-out of one send to many recipients, a status-API broadcast to
// those users with reads of its receivers, one send to a topic, the send API under 32 concurrent clients
// against a raw "table write + queue put" pair, and the batch API's messages.send. Arguments (optional):
// recipients, topic members, sends; or "messages" alone for the messages.send figures only.
await using var bench = await BenchmarkHost.StartAsync();
if (args is ["messages"])
{
    Console.WriteLine(JsonSerializer.Serialize(Messages(await MeasureMessagesAsync())));
    return;
}
var recipients = args.Length > 0 ? int.Parse(args[0]) : 4_000;
var topicMembers = args.Length > 1 ? int.Parse(args[1]) : 2_000;
var sends = args.Length > 2 ? int.Parse(args[2]) : 1_000;
const int clients = 32;
// The raw baseline is a rate: a quarter of the fan-out's recipients measure it as well, and its rows, written into
// the service's tables, slow every later part of the run less.
var rawRecipients = Math.Max(500, recipients / 4);

// A size of 0 skips that part (to measure the send API alone, say).
FanOutFigures? fanout = null;
double raw = 0, rawBefore = 0, rawAfter = 0;
if (recipients > 0)
{
    rawBefore = await RawAzurite.RecipientsPerSecondAsync(bench.Storage, "rawbefore", rawRecipients, concurrency: 32);
    Console.WriteLine($"raw Azurite before: {rawBefore:F0} recipients/s ({rawRecipients} recipients)");
    fanout = await FanOut.MeasureAsync(bench, recipients);
    // Azurite slows as it holds more rows, so the raw figure is taken before and after the fan-out and averaged:
    // the fan-out is neither flattered by a fresh emulator nor penalised by a full one.
    rawAfter = await RawAzurite.RecipientsPerSecondAsync(bench.Storage, "rawafter", rawRecipients, concurrency: 32);
    raw = (rawBefore + rawAfter) / 2;
    Report.FanOut("fan-out", fanout, raw, rawAfter);
}

FanOutFigures? topic = null;
double topicRaw = 0;
if (topicMembers > 0)
{
    await TopicFanOut.SeedAsync(bench, topicMembers);
    // After the seeding: the send meets tables that hold the members, and so does this baseline.
    var topicRawBefore = await RawAzurite.RecipientsPerSecondAsync(bench.Storage, "rawtopicbefore", rawRecipients, concurrency: 32);
    topic = await TopicFanOut.MeasureAsync(bench, topicMembers);
    var topicRawAfter = await RawAzurite.RecipientsPerSecondAsync(bench.Storage, "rawtopic", rawRecipients, concurrency: 32);
    topicRaw = (topicRawBefore + topicRawAfter) / 2;
    Report.FanOut("topic fan-out", topic, topicRaw, topicRawAfter);
}

StatusFigures? status = null;
if (fanout is not null)
{
    status = await StatusRequests.MeasureAsync(bench);
    Console.WriteLine($"status broadcast: {status.BroadcastPerSecond:F0} receivers/s ({status.Receivers} receivers, {status.BroadcastPerSecond / raw:P0} of raw); " +
        $"read first page {status.FirstPageMs:F0} ms, last page {status.LastPageMs:F0} ms");
}

var pair = await RawPair.MeasureAsync(await bench.RawStorageAsync("rawpair"), clients, sends);
Console.WriteLine($"raw table write + queue put: {pair.PerSecond:F0} pairs/s, p50 {pair.P50Ms:F1} ms, p99 {pair.P99Ms:F1} ms ({clients} clients)");
var alone = await SendApi.MeasureAcceptingAloneAsync(clients, sends);
Report.SendApi("send API, accepting alone", alone, pair, delivered: false);
var api = await SendApi.MeasureAsync(clients, sends);
Report.SendApi("send API, pipeline delivering meanwhile", api, pair, delivered: true);
var messages = await MeasureMessagesAsync();

var model = fanout is null ? null : AccountModel.Of(fanout.Counts, fanout.Recipients);
if (model is not null)
    Console.WriteLine($"model, {AccountModel.Recipients:N0} recipients on one account: {model.Seconds:F0} s, bound by {model.BoundBy}; " +
        $"${model.CostPerMillionLow:F3}–{model.CostPerMillionHigh:F3} per million deliveries");

Console.WriteLine(JsonSerializer.Serialize(new
{
    raw_writes_per_s = Math.Round(raw),
    raw_before_per_s = Math.Round(rawBefore),
    raw_after_per_s = Math.Round(rawAfter),
    fanout_recipients = recipients,
    fanout_recipients_per_s = fanout is null ? (double?)null : Math.Round(fanout.RecipientsPerSecond),
    fanout_ratio = fanout is null ? (double?)null : Math.Round(fanout.RecipientsPerSecond / raw, 2),
    fanout_requests_per_recipient = fanout is null ? (double?)null : Math.Round((double)fanout.Counts.TotalRequests / recipients, 3),
    fanout_entities_written_per_recipient = fanout is null ? (double?)null : Math.Round((double)fanout.Counts.EntitiesWritten / recipients, 2),
    fanout_entities_read_per_recipient = fanout is null ? (double?)null : Math.Round((double)fanout.Counts.EntitiesRead / recipients, 3),
    fanout_hottest_partition_share = fanout is null ? (double?)null : Math.Round(fanout.Counts.HottestShare, 4),
    fanout_hottest_partition = fanout is null ? null : $"{fanout.Counts.Hottest.Key.Table} {fanout.Counts.Hottest.Key.Partition}",
    fanout_hottest_share_by_table = fanout?.Counts.HottestShareByTable.ToDictionary(t => t.Key, t => Math.Round(t.Value, 4)),
    topic_members = topicMembers,
    topic_fanout_members_per_s = topic is null ? (double?)null : Math.Round(topic.RecipientsPerSecond),
    topic_fanout_ratio = topic is null ? (double?)null : Math.Round(topic.RecipientsPerSecond / topicRaw, 2),
    topic_requests_per_member = topic is null ? (double?)null : Math.Round((double)topic.Counts.TotalRequests / topicMembers, 3),
    topic_hottest_partition_share = topic is null ? (double?)null : Math.Round(topic.Counts.HottestShare, 4),
    pair_per_s = Math.Round(pair.PerSecond),
    pair_p99_ms = Math.Round(pair.P99Ms, 1),
    send_per_s = Math.Round(api.Accept.PerSecond),
    send_p50_ms = Math.Round(api.Accept.P50Ms, 1),
    send_p99_ms = Math.Round(api.Accept.P99Ms, 1),
    send_vs_pair = Math.Round(api.Accept.PerSecond / pair.PerSecond, 2),
    send_p99_vs_pair = Math.Round(api.Accept.P99Ms / pair.P99Ms, 2),
    send_alone_per_s = Math.Round(alone.Accept.PerSecond),
    send_alone_p50_ms = Math.Round(alone.Accept.P50Ms, 1),
    send_alone_p99_ms = Math.Round(alone.Accept.P99Ms, 1),
    send_alone_vs_pair = Math.Round(alone.Accept.PerSecond / pair.PerSecond, 2),
    send_alone_p99_vs_pair = Math.Round(alone.Accept.P99Ms / pair.P99Ms, 2),
    send_alone_requests_per_send = Math.Round((double)alone.Counts.TotalRequests / alone.Sends, 3),
    requests_per_accepted_send = Math.Round((double)api.Counts.InScope("api") / api.Sends, 3),
    requests_per_send_to_inbox = Math.Round((double)api.Counts.TotalRequests / api.Sends, 3),
    empty_receives_during_sends = api.Counts.EmptyReceives,
    model_recipients = AccountModel.Recipients,
    model_seconds = model is null ? (double?)null : Math.Round(model.Seconds),
    model_bound_by = model?.BoundBy,
    model_requests_per_recipient = model is null ? (double?)null : Math.Round(model.RequestsPerRecipient, 3),
    model_hottest_shared_partition_entities = model is null ? (double?)null : Math.Round(model.HottestSharedPartitionEntities),
    cost_per_million_deliveries_usd = model is null ? null : new[] { Math.Round(model.CostPerMillionLow, 3), Math.Round(model.CostPerMillionHigh, 3) },
    status_receivers = status?.Receivers,
    status_broadcast_per_s = status is null ? (double?)null : Math.Round(status.BroadcastPerSecond),
    status_broadcast_ratio = status is null ? (double?)null : Math.Round(status.BroadcastPerSecond / raw, 2),
    status_read_first_page_ms = status is null ? (double?)null : Math.Round(status.FirstPageMs),
    status_read_last_page_ms = status is null ? (double?)null : Math.Round(status.LastPageMs),
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
