using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Notify.Core.Deliveries;
using Notify.Core.Storage;
using Notify.Tests.Infrastructure;
using Notify.Tests.Status;

namespace Notify.Tests.Operator;

/// <summary>Listing pages through a dead-letter queue by holding what it showed; discarding takes one letter or all; only the operator may.</summary>
public sealed class DeadLetterListingTests(NotifyServerWithoutPipeline server) : IClassFixture<NotifyServerWithoutPipeline>
{
    private static readonly string SmsFailed = QueueNames.Failed(QueueNames.Sms);

    [Fact]
    public async Task Should_page_by_holding_what_it_listed_and_discard_one_letter_or_all()
    {
        for (var i = 0; i < 5; i++)
            await Queue().SendMessageAsync(JsonSerializer.Serialize(
                new FailedChannelDelivery("app1", $"send{i}", "sms", $"user{i}", 10, "provider down"), new JsonSerializerOptions(JsonSerializerDefaults.Web)));

        var first = await List("?limit=3&holdSeconds=60");
        var second = await List("?limit=3&holdSeconds=60");
        var third = await List("?limit=3");
        var one = first["messages"]![0]!;
        var discarded = await server.Http.CallAsync(Action(one, "discard", (string)one["ticket"]!), HttpStatusCode.OK);
        var discardedAgain = await server.Http.CallAsync(Action(one, "discard", (string)one["ticket"]!), HttpStatusCode.NotFound);
        var all = await server.Http.CallAsync(TestApi.Operator(HttpMethod.Post, $"operator/dead-letters/{SmsFailed}/discard"), HttpStatusCode.OK);

        Assert.Equal(5, (int)first["approximateCount"]!);
        Assert.Equal(3, first["messages"]!.AsArray().Count);
        Assert.Equal(2, second["messages"]!.AsArray().Count);
        Assert.Empty(third["messages"]!.AsArray());
        var sends = first["messages"]!.AsArray().Concat(second["messages"]!.AsArray()).Select(m => (string)m!["sendId"]!).Order();
        Assert.Equal(["send0", "send1", "send2", "send3", "send4"], sends);
        Assert.Equal(("app1", "sms", 10, "provider down"), ((string)one["appId"]!, (string)one["channel"]!, (int)one["attempts"]!, (string)one["lastError"]!));
        Assert.Equal(1, (long)one["dequeueCount"]!);
        Assert.Equal((SmsFailed, 1, 4), ((string)discarded["queue"]!, (int)discarded["discarded"]!, (int)discarded["approximateRemaining"]!));
        Assert.Contains("list the queue again", (string)discardedAgain["message"]!);
        Assert.Equal((4, 0), ((int)all["discarded"]!, (int)all["approximateRemaining"]!));
        Assert.Empty((await List())["messages"]!.AsArray());
    }

    [Fact]
    public async Task Should_show_a_body_that_is_not_json_as_text_and_report_a_replayed_delivery_without_a_record_as_gone()
    {
        var queue = server.Storage.Queue(QueueNames.Failed(QueueNames.Email));
        await queue.SendMessageAsync("not json at all");
        await queue.SendMessageAsync("""{"appId":"a","sendId":"s","channel":"email","userId":"u","attempts":2,"lastError":"x"}""");

        var page = await server.Http.CallAsync(TestApi.Operator(HttpMethod.Get, "operator/dead-letters/email-failed"), HttpStatusCode.OK);
        var text = page["messages"]!.AsArray().Single(m => m!["appId"] is null)!;
        var record = page["messages"]!.AsArray().Single(m => m!["appId"] is not null)!;
        var replayed = await server.Http.CallAsync(Action(record, "replay", (string)record["ticket"]!, "email-failed"), HttpStatusCode.OK);
        var discarded = await server.Http.CallAsync(Action(text, "discard", (string)text["ticket"]!, "email-failed"), HttpStatusCode.OK);

        Assert.Equal("not json at all", (string)text["message"]!);
        Assert.Empty(text["recipients"]!.AsArray());
        Assert.Equal("gone", (string)replayed["outcome"]!);
        Assert.Equal(0, (int)discarded["approximateRemaining"]!);
    }

    [Fact]
    public async Task Should_answer_only_the_operator_and_refuse_unknown_queues_bad_tickets_and_bad_paging()
    {
        await Queue().SendMessageAsync("""{"appId":"a","sendId":"s","channel":"sms","userId":"u","attempts":1}""");
        var letter = (await List("?holdSeconds=1"))["messages"]![0]!;

        var noKey = await server.Http.CallAsync(TestApi.Request(HttpMethod.Get, "operator/dead-letters"), HttpStatusCode.Unauthorized);
        var wrongKey = await server.Http.CallAsync(TestApi.Operator(HttpMethod.Post, $"operator/dead-letters/{SmsFailed}/discard", key: "guess"), HttpStatusCode.Unauthorized);
        var unknown = await server.Http.CallAsync(TestApi.Operator(HttpMethod.Get, "operator/dead-letters/sends"), HttpStatusCode.NotFound);
        var badLimit = await server.Http.CallAsync(TestApi.Operator(HttpMethod.Get, $"operator/dead-letters/{SmsFailed}?limit=33&holdSeconds=0"), HttpStatusCode.BadRequest);
        var forged = await server.Http.CallAsync(Action(letter, "replay", (string)letter["ticket"]! + "x"), HttpStatusCode.BadRequest);
        var otherQueue = await server.Http.CallAsync(Action(letter, "replay", (string)letter["ticket"]!, "email-failed"), HttpStatusCode.BadRequest);
        var noTicket = await server.Http.CallAsync(TestApi.Operator(HttpMethod.Post, $"operator/dead-letters/{SmsFailed}/{(string)letter["id"]!}/discard", new { }), HttpStatusCode.BadRequest);
        var queues = await server.Http.CallAsync(TestApi.Operator(HttpMethod.Get, "operator/dead-letters"), HttpStatusCode.OK);
        await server.Http.CallAsync(TestApi.Operator(HttpMethod.Post, $"operator/dead-letters/{SmsFailed}/discard"), HttpStatusCode.OK);

        Assert.Equal("Invalid operator key", (string)noKey["message"]!);
        Assert.Equal("Invalid operator key", (string)wrongKey["message"]!);
        Assert.StartsWith("No dead-letter queue sends; the queues are: sends-poison", (string)unknown["message"]!);
        Assert.Equal(["limit must be an integer from 1 to 32", "holdSeconds must be an integer from 1 to 600"], badLimit["message"].Strings());
        Assert.Equal(["ticket is not one this service issued for this queue and message"], forged["message"].Strings());
        Assert.Equal(["ticket is not one this service issued for this queue and message"], otherQueue["message"].Strings());
        Assert.Equal(["ticket should not be empty"], noTicket["message"].Strings());
        var listed = queues["queues"]!.AsArray().Select(q => ((string)q!["name"]!, (string)q["kind"]!, (string)q["source"]!)).ToList();
        Assert.Equal(QueueNames.All.Count + QueueNames.Channels.Count, listed.Count);
        Assert.Contains(("answerevents-poison", "poison", "answerevents"), listed);
        Assert.Contains(("sms-failed", "failed", "sms"), listed);
        Assert.Equal(1, (int)queues["queues"]!.AsArray().Single(q => (string)q!["name"]! == SmsFailed)!["approximateCount"]!);
    }

    private QueueClient Queue() => server.Storage.Queue(SmsFailed);

    private Task<JsonNode> List(string query = "") =>
        server.Http.CallAsync(TestApi.Operator(HttpMethod.Get, $"operator/dead-letters/{SmsFailed}{query}"), HttpStatusCode.OK);

    private static HttpRequestMessage Action(JsonNode letter, string action, string ticket, string? queue = null) =>
        TestApi.Operator(HttpMethod.Post, $"operator/dead-letters/{queue ?? SmsFailed}/{(string)letter["id"]!}/{action}", new { ticket });
}
