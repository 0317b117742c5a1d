using System.Net;
using System.Text.Json.Nodes;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Batch;

public sealed class BatchMessagesTests(BatchServer server) : IClassFixture<BatchServer>
{
    [Fact]
    public async Task Should_deliver_a_batch_in_the_users_language_creating_users_and_filling_only_empty_fields()
    {
        var app = await server.CreateAppAsync();
        await server.CreateNotificationAsync(app, BatchApi.InAppNotification("welcome"));
        await server.Http.CallAsync(app.Batch("users.upsert", new { users = new[] { new { id = "ann", firstName = "Ann", language = "fr" } } }), HttpStatusCode.OK);

        var results = await server.SendMessagesAsync(app,
            new { notificationId = "welcome", userId = "ann", data = new { what = "colis" }, userFirstName = "Annie", userLanguage = "en" },
            new { notificationId = "welcome", userId = "bob", data = new { what = "parcel" }, userFirstName = "Bob", userLanguage = "de", id = "m-bob-1" },
            new { notificationId = "welcome", userId = "cy", userLanguage = "fr", widgetSettingsOverride = new { title = "Override {{ data.n }}" }, data = new { n = 7 } });

        Assert.Equal(["ann", "bob", "cy"], results.Select(r => (string)r!["userId"]!));
        Assert.All(results, r => Assert.True((bool)r!["ok"]!, r!.ToJsonString()));
        Assert.Equal("m-bob-1", (string)results[1]!["id"]!);
        Assert.False(string.IsNullOrEmpty((string)results[0]!["id"]!));
        Assert.Equal("sent", (string)results[0]!["channels"]!["widget"]!);
        var ann = (await server.WaitForInboxAsync(app, "ann", 1))["data"]![0]!;
        Assert.Equal(("Salut Ann", "colis x1"), ((string)ann["title"]!, (string)ann["message"]!));
        var bob = (await server.WaitForInboxAsync(app, "bob", 1))["data"]![0]!;
        Assert.Equal(("Hi Bob", "parcel x1"), ((string)bob["title"]!, (string)bob["message"]!));
        Assert.Equal("Override 7", (string)(await server.WaitForInboxAsync(app, "cy", 1))["data"]![0]!["title"]!);
        var profile = await server.Http.CallAsync(app.AsUser("ann", HttpMethod.Get, "v3/profile"), HttpStatusCode.OK);
        Assert.Equal(("Ann", "fr"), ((string)profile["profile"]!["firstName"]!, (string)profile["profile"]!["locale"]!));
    }

    [Fact]
    public async Task Should_fail_only_the_bad_messages_of_a_good_batch()
    {
        var app = await server.CreateAppAsync();
        await server.CreateNotificationAsync(app, BatchApi.InAppNotification("news"));

        var results = await server.SendMessagesAsync(app,
            new { notificationId = "news", userId = "ok-user" },
            new { notificationId = "news" },
            new { notificationId = "nope", userId = "u" },
            new { notificationId = "news", userId = "u", userEmail = "not-an-email" },
            new { notificationId = "news", userId = "u", userTelephone = "0123" },
            new { notificationId = "news", userId = "u", data = "text" },
            new { notificationId = 5, userId = "u" });

        Assert.Equal([null, "userId/required", "notification/notFound", "userEmail/invalid", "userTelephone/invalid", "data/invalid", "notificationId/invalid"],
            results.Select(r => (string?)r!["error"]));
        Assert.Equal([true, false, false, false, false, false, false], results.Select(r => (bool)r!["ok"]!));
        await server.WaitForInboxAsync(app, "ok-user", 1);
        Assert.Equal(0, await server.InboxCountAsync(app, "u"));
    }

    [Theory]
    [InlineData(null, "messages.send", "{\"messages\":[]}", 401)]
    [InlineData("key", "messages.send", "{\"messages\":[{}]}", 401)]
    [InlineData("secret", "messages.send", "{\"messages\":[", 400)]
    [InlineData("secret", "messages.send", "[1,2]", 400)]
    [InlineData("secret", "messages.send", "{\"messages\":{}}", 400)]
    [InlineData("secret", "messages.send", "{\"messages\":[]}", 400)]
    [InlineData("secret", "users.upsert", "{\"users\":\"x\"}", 400)]
    public async Task Should_refuse_a_bad_request_whole_with_a_message(string? credential, string path, string body, int status)
    {
        var app = await server.CreateAppAsync();
        var bearer = credential switch { "key" => app.ApiKey, "secret" => app.ApiSecret, _ => "wrong" };

        var error = await server.Http.CallAsync(app.Batch(path, body, bearer), (HttpStatusCode)status);

        Assert.False(string.IsNullOrEmpty((string?)error["message"]), error.ToJsonString());
    }

    [Fact]
    public async Task Should_refuse_more_than_50_messages_and_100_users()
    {
        var app = await server.CreateAppAsync();

        var messages = await server.Http.CallAsync(app.Batch("messages.send",
            new { messages = Enumerable.Range(0, 51).Select(i => new { notificationId = "n", userId = $"u{i}" }) }), HttpStatusCode.BadRequest);
        var users = await server.Http.CallAsync(app.Batch("users.upsert",
            new { users = Enumerable.Range(0, 101).Select(i => new { id = $"u{i}" }) }), HttpStatusCode.BadRequest);

        Assert.Equal("\"messages\" must hold between 1 and 50 items", (string)messages["message"]!);
        Assert.Equal("\"users\" must hold between 1 and 100 items", (string)users["message"]!);
    }

    [Fact]
    public async Task Should_fail_alone_a_user_that_is_not_an_object()
    {
        var app = await server.CreateAppAsync();

        var answer = await server.Http.CallAsync(app.Batch("users.upsert", """{"users":[{"id":"uma"},"not an object",42,null]}"""), HttpStatusCode.OK);

        Assert.Equal(
            """[{"id":"uma","ok":true},{"ok":false,"error":"id/invalid"},{"ok":false,"error":"id/invalid"},{"ok":false,"error":"id/invalid"}]""",
            answer["users"]!.ToJsonString());
    }

    [Fact]
    public async Task Should_accept_an_id_once_per_app_when_requests_race()
    {
        var app = await server.CreateAppAsync();
        var other = await server.CreateAppAsync();
        await server.CreateNotificationAsync(app, BatchApi.InAppNotification("race"));
        await server.CreateNotificationAsync(other, BatchApi.InAppNotification("race"));
        var message = new { id = "once", notificationId = "race", userId = "rita" };

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => server.SendMessagesAsync(app, message)));
        var again = await server.SendMessagesAsync(other, message);

        Assert.Equal(1, answers.Count(a => (bool)a[0]!["ok"]!));
        Assert.Equal(7, answers.Count(a => (string?)a[0]!["error"] == "id/exists"));
        Assert.True((bool)again[0]!["ok"]!);
        await server.WaitForInboxAsync(app, "rita", 1);
    }

    [Fact]
    public async Task Should_upsert_users_filling_what_is_missing_with_custom_fields_for_templates()
    {
        var app = await server.CreateAppAsync();
        await server.CreateNotificationAsync(app, new
        {
            identifier = "plan", locales = new { en = new { inApp = new { title = "{{ user.plan }} for {{ user.email }}" } } },
        });

        var first = await server.Http.CallAsync(app.Batch("users.upsert", new
        {
            users = new object[] { new { id = "dora", email = "dora@example.test", plan = "gold" }, new { id = "eve", email = "bad" }, new { email = "x@y.test" } },
        }), HttpStatusCode.OK);
        await server.Http.CallAsync(app.Batch("users.upsert", new { users = new[] { new { id = "dora", email = "other@example.test", telephone = "+14155550123" } } }),
            HttpStatusCode.OK);
        await server.SendMessagesAsync(app, new { notificationId = "plan", userId = "dora" });

        Assert.Equal([true, false, false], first["users"]!.AsArray().Select(u => (bool)u!["ok"]!));
        Assert.Equal(["email/invalid", "id/invalid"], first["users"]!.AsArray().Skip(1).Select(u => (string)u!["error"]!));
        var item = (await server.WaitForInboxAsync(app, "dora", 1))["data"]![0]!;
        Assert.Equal("gold for dora@example.test", (string)item["title"]!);
        var profile = await server.Http.CallAsync(app.AsUser("dora", HttpMethod.Get, "v3/profile"), HttpStatusCode.OK);
        Assert.Equal(("+14155550123", "dora@example.test"), ((string)profile["profile"]!["phoneNumber"]!, (string)profile["profile"]!["email"]!));
    }
}
