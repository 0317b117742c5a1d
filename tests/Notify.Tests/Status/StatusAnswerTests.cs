using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Notify.Core.Faces.V3;
using Notify.Core.Storage;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Status;

/// <summary>Users answer through the v3 inbox; the backend reads what they did through the status API.</summary>
public sealed class StatusAnswerTests(StatusServer server) : IClassFixture<StatusServer>
{
    public static TheoryData<string, string, string, string> Kinds => new()
    {
        // kind, extra request fields, the answer, the actions the status API reports
        { "SIMPLE", "{}", """{"action":"CLOSE"}""", """[{"action_id":"1","type":"CLOSE","text":"Close"}]""" },
        { "SURVEY", """{"submit_text":"Go"}""", """{"action":"SUBMIT"}""", """[{"action_id":"1","type":"SUBMIT","text":"Go"}]""" },
        { "RADIO", """{"radio":[{"text":"Tea"},{"text":"Coffee","selected":true}]}""", """{"action":"SUBMIT","options":["4"]}""",
            """[{"action_id":"4","type":"RADIO","text":"Coffee"}]""" },
        { "CHECKBOX", """{"checkbox":[{"text":"Mon"},{"text":"Tue"},{"text":"Wed"}]}""", """{"action":"submit","options":["5","3"]}""",
            """[{"action_id":"5","type":"CHECKBOX","text":"Wed"},{"action_id":"3","type":"CHECKBOX","text":"Mon"}]""" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Should_read_back_each_kind_answered_from_the_v3_inbox(string kind, string extra, string answer, string reported)
    {
        var app = await server.CreateAppAsync();
        var body = JsonNode.Parse(extra)!.AsObject();
        body["type"] = kind;
        body["title"] = $"{kind} question";
        body["content"] = "Please answer";
        body["level"] = 3;
        body["receivers"] = new JsonArray("asker", "silent");
        var id = (string)(await server.CreateRequestAsync(app, body.ToJsonString()))["id"]!;
        await server.WaitUntilCompletedAsync(app, id);

        var item = await server.InboxItemAsync(app, "asker", $"{kind} question");
        Assert.Equal(kind.ToLowerInvariant(), (string)item["type"]!);
        Assert.Equal(3, (int)item["level"]!);
        var answered = await server.AnswerAsync(app, "asker", (long)item["id"]!, answer);
        var again = await server.AnswerAsync(app, "asker", (long)item["id"]!, answer, HttpStatusCode.Conflict);
        var read = await server.ReadRequestAsync(app, id);

        Assert.NotNull(answered["respondedAt"]);
        Assert.Equal("""{"status":"error","message":"Notification already answered"}""", again.ToJsonString());
        Assert.Equal(1, (int)read["open_count"]!);
        var receipts = server.Get<NotifyStorage>().Table(TableNames.Deliveries);
        Assert.True((await receipts.GetEntityIfExistsAsync<TableEntity>(TableKeys.Deliveries(app.Id, id, "asker"), TableKeys.DeliveryRecords.Opened("asker"))).HasValue,
            "the open receipt sits in the user's bucket partition, beside the user's delivery records");
        var asker = read.ItemOf("asker");
        Assert.True((bool)asker["opened"]!);
        Assert.True((bool)asker["responded"]!);
        Assert.NotNull(asker["opened_at"]);
        Assert.Equal((string)asker["opened_at"]!, (string)asker["responded_at"]!);
        var actions = asker["actions"]!.AsArray();
        Assert.All(actions, a => Assert.Equal($"{item["id"]}-{a!["action_id"]}", (string)a!["id"]!));
        foreach (var action in actions) action!.AsObject().Remove("id");
        Assert.Equal(reported, actions.ToJsonString());
        var silent = read.ItemOf("silent");
        Assert.False((bool)silent["opened"]!);
        Assert.False((bool)silent["responded"]!);
        Assert.Empty(silent["actions"]!.AsArray());
    }

    [Theory]
    [InlineData("RADIO", """{"action":"SUBMIT","options":["3","4"]}""", "options must hold exactly one option")]
    [InlineData("RADIO", """{"action":"SUBMIT"}""", "options must hold exactly one option")]
    [InlineData("RADIO", """{"action":"SUBMIT","options":["9"]}""", "option 9 does not exist")]
    [InlineData("RADIO", """{"action":"SUBMIT","options":["1"]}""", "option 1 does not exist")]
    [InlineData("RADIO", """{"action":"CLOSE","options":["4"]}""", "options must be empty for this action")]
    [InlineData("RADIO", """{"action":"VOTE"}""", "action must be one of the following values: SUBMIT, CLOSE")]
    [InlineData("RADIO", """{}""", "action should not be empty")]
    [InlineData("CHECKBOX", """{"action":"SUBMIT","options":[]}""", "options must hold at least one option")]
    [InlineData("CHECKBOX", """{"action":"SUBMIT","options":["4","4"]}""", "options must not repeat")]
    [InlineData("SIMPLE", """{"action":"SUBMIT"}""", "action must be one of the following values: CLOSE")]
    public async Task Should_refuse_an_answer_that_does_not_fit_the_item(string kind, string answer, string message)
    {
        var app = await server.CreateAppAsync();
        var options = new[] { new { text = "a" }, new { text = "b" } };
        var id = (string)(await server.CreateRequestAsync(app, new
        {
            type = kind, title = "Pick", content = "c", receivers = new[] { "picker" },
            radio = kind == "RADIO" ? options : null, checkbox = kind == "CHECKBOX" ? options : null,
        }))["id"]!;
        await server.WaitUntilCompletedAsync(app, id);
        var item = await server.InboxItemAsync(app, "picker", "Pick");

        var error = await server.AnswerAsync(app, "picker", (long)item["id"]!, answer, HttpStatusCode.BadRequest);

        Assert.Equal([message], error["message"].Strings());
        Assert.False((bool)(await server.ReadRequestAsync(app, id)).ItemOf("picker")["responded"]!);
    }

    [Fact]
    public async Task Should_refuse_answers_to_items_that_ask_nothing_belong_to_others_or_do_not_exist()
    {
        var app = await server.CreateAppAsync();
        await server.SendNotificationAsync(app, new { notification = new { title = "Plain" }, sendTo = new { recipients = new[] { "plain" } } });
        var plain = (await server.WaitForInboxAsync(app, "plain", 1))["data"]![0]!;
        var id = (string)(await server.CreateRequestAsync(app, new { type = "SURVEY", title = "Mine", content = "c", receivers = new[] { "owner" } }))["id"]!;
        await server.WaitUntilCompletedAsync(app, id);
        var mine = await server.InboxItemAsync(app, "owner", "Mine");

        var asksNothing = await server.AnswerAsync(app, "plain", (long)plain["id"]!, new { action = "CLOSE" }, HttpStatusCode.BadRequest);
        await server.AnswerAsync(app, "intruder", (long)mine["id"]!, new { action = "SUBMIT" }, HttpStatusCode.NotFound);
        await server.AnswerAsync(app, "owner", 12345, new { action = "SUBMIT" }, HttpStatusCode.NotFound);
        await server.Http.CallAsync(app.Backend(HttpMethod.Post, $"v3/notifications/{mine["id"]}/responses", new { action = "SUBMIT" }), HttpStatusCode.Unauthorized, """{"status":"error","message":"No auth params (or combination of params) were found in the request"}""");

        Assert.Equal(["This notification takes no answer"], asksNothing["message"].Strings());
        Assert.Null(plain["type"]);
        Assert.Null(plain["actions"]);
    }

    [Fact]
    public async Task Should_keep_what_the_user_did_after_they_delete_the_item()
    {
        var app = await server.CreateAppAsync();
        var id = (string)(await server.CreateRequestAsync(app, new { type = "SURVEY", title = "Keep", content = "c", receivers = new[] { "tidy", "reader" } }))["id"]!;
        await server.WaitUntilCompletedAsync(app, id);
        var tidy = await server.InboxItemAsync(app, "tidy", "Keep");
        var reader = await server.InboxItemAsync(app, "reader", "Keep");

        await server.AnswerAsync(app, "tidy", (long)tidy["id"]!, new { action = "SUBMIT" });
        await server.Http.CallAsync(app.AsUser("tidy", HttpMethod.Delete, $"v3/notifications/{tidy["id"]}"), HttpStatusCode.OK);
        await server.Http.CallAsync(app.AsUser("reader", HttpMethod.Post, $"v3/notifications/{reader["id"]}/click"), HttpStatusCode.OK);
        var read = await server.ReadRequestAsync(app, id);

        var deleted = read.ItemOf("tidy");
        Assert.True((bool)deleted["deleted"]!);
        Assert.True((bool)deleted["responded"]!);
        Assert.True((bool)deleted["opened"]!);
        Assert.Equal("SUBMIT", (string)deleted["actions"]![0]!["type"]!);
        var opened = read.ItemOf("reader");
        Assert.True((bool)opened["opened"]!);
        Assert.False((bool)opened["responded"]!);
        Assert.False((bool)opened["deleted"]!);
        Assert.Equal(2, (int)read["open_count"]!);
        Assert.Equal(0, await server.InboxCountAsync(app, "tidy"));
    }

    [Fact]
    public async Task Should_report_the_first_registered_device_the_item_reached()
    {
        var app = await server.CreateAppAsync();
        var id = (string)(await server.CreateRequestAsync(app, new { type = "SIMPLE", title = "Device", content = "c", receivers = new[] { "phone" } }))["id"]!;
        await server.WaitUntilCompletedAsync(app, id);
        foreach (var (device, type, version) in new[] { ("pixel-1", "android", "14"), ("laptop-1", "browser", "120") })
        {
            var connect = app.AsUser("phone", HttpMethod.Post, "v3/sdk/connect", new { deviceType = type, version });
            connect.Headers.Add(V3Headers.DeviceId, device);
            await server.Http.CallAsync(connect, HttpStatusCode.OK);
        }

        await server.InboxItemAsync(app, "phone", "Device");
        await server.InboxItemAsync(app, "phone", "Device", deviceId: "unregistered");
        var before = (await server.ReadRequestAsync(app, id)).ItemOf("phone");
        await server.InboxItemAsync(app, "phone", "Device", deviceId: "pixel-1");
        await server.InboxItemAsync(app, "phone", "Device", deviceId: "laptop-1");
        var after = (await server.ReadRequestAsync(app, id)).ItemOf("phone");

        Assert.False((bool)before["in_device"]!);
        Assert.True((bool)after["in_device"]!);
        Assert.Equal("""{"id":"pixel-1","ip":"127.0.0.1","type":"ANDROID","version":"14"}""", after["device"]!.ToJsonString());
        Assert.False((bool)after["opened"]!);
    }

    [Fact]
    public async Task Should_count_each_opening_exactly_once_under_concurrent_answers_and_reads()
    {
        var app = await server.CreateAppAsync();
        var users = Enumerable.Range(0, 24).Select(i => $"crowd{i}").ToArray();
        var id = (string)(await server.CreateRequestAsync(app, new { type = "SURVEY", title = "Crowd", content = "c", receivers = users }))["id"]!;
        await server.WaitUntilCompletedAsync(app, id, "?limit=100");
        var items = await Task.WhenAll(users.Select(u => server.InboxItemAsync(app, u, "Crowd")));

        var statuses = await Task.WhenAll(users.Zip(items).SelectMany(pair => new[]
        {
            Status(app.AsUser(pair.First, HttpMethod.Post, $"v3/notifications/{pair.Second["id"]}/responses", new { action = "SUBMIT" })),
            Status(app.AsUser(pair.First, HttpMethod.Post, $"v3/notifications/{pair.Second["id"]}/responses", new { action = "CLOSE" })),
            Status(app.AsUser(pair.First, HttpMethod.Post, $"v3/notifications/{pair.Second["id"]}/click")),
        }));
        var read = await server.ReadRequestAsync(app, id, "?limit=100");

        Assert.Equal(users.Length, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(users.Length, statuses.Count(s => s == HttpStatusCode.Conflict));
        Assert.Equal(users.Length, (int)read["open_count"]!);
        Assert.All(read.Items(), i => Assert.True((bool)i["responded"]! && (bool)i["opened"]!));
        foreach (var user in users)
            Assert.Equal(0, (int)(await server.Http.CallAsync(app.AsUser(user, HttpMethod.Get, "v3/notifications"), HttpStatusCode.OK))["unreadCount"]!);
    }

    private async Task<HttpStatusCode> Status(HttpRequestMessage request)
    {
        using var response = await server.Http.SendAsync(request);
        return response.StatusCode;
    }
}
