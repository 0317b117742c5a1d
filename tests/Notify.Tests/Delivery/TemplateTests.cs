using System.Net;
using Notify.Core.Deliveries;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Delivery;

public sealed class TemplateTests(ChannelServer server) : IClassFixture<ChannelServer>
{
    private static object Welcome(string identifier) => new
    {
        identifier,
        name = "Welcome",
        defaultLocale = "en",
        locales = new Dictionary<string, object>
        {
            ["en"] = new
            {
                inApp = new { title = "Welcome {{ user.name }}", message = "Your plan: {{ data.plan }}" },
                email = new { subject = "Welcome {{ user.name }} {{ data.tag }}", html = "<p>Hi {{ user.name }}</p>", text = "Hi {{ user.name }}" },
            },
            ["fr"] = new
            {
                inApp = new { title = "Bienvenue {{ user.name }}", message = "Votre offre : {{ data.plan }}" },
                email = new { subject = "Bienvenue {{ user.name }} {{ data.tag }}", html = "<p>Salut {{ user.name }}</p>" },
            },
        },
    };

    [Fact]
    public async Task Should_render_each_users_locale_with_fallback_to_the_language_and_the_default()
    {
        var app = await server.CreateAppAsync();
        await server.Http.CallAsync(app.Backend(HttpMethod.Post, "v3/templates", Welcome("welcome")), HttpStatusCode.Created);
        var tag = Guid.NewGuid().ToString("N");

        var sendId = await server.SendNotificationAsync(app, new
        {
            notification = new { templateIdentifier = "welcome" },
            data = new { plan = "pro", tag },
            sendTo = new { recipients = new object[]
            {
                new { identifier = "amelie", name = "Amélie", locale = "fr-CA", email = "amelie@example.test" },
                new { identifier = "bob", name = "Bob", locale = "de", email = "bob@example.test" },
            } },
            @override = new { channels = new[] { "inApp", "email" } },
        });

        var amelie = await server.WaitForInboxAsync(app, "amelie", 1);
        var bob = await server.WaitForInboxAsync(app, "bob", 1);
        Assert.Equal(("Bienvenue Amélie", "Votre offre : pro"), ((string)amelie["data"]![0]!["title"]!, (string)amelie["data"]![0]!["message"]!));
        Assert.Equal("Welcome Bob", (string)bob["data"]![0]!["title"]!);
        var french = await server.MailDev.WaitForEmailAsync($"Bienvenue Amélie {tag}");
        Assert.Contains("Salut Amélie", (string)french["html"]!);
        await server.MailDev.WaitForEmailAsync($"Welcome Bob {tag}");
        await server.WaitForDeliveriesAsync(app, sendId, r => r.Count(d => d!.Status() == DeliveryStatus.Sent) == 4, "four deliveries");
    }

    [Fact]
    public async Task Should_manage_templates_and_refuse_broken_or_unknown_ones()
    {
        var app = await server.CreateAppAsync();
        await server.Http.CallAsync(app.Backend(HttpMethod.Post, "v3/templates", Welcome("crud")), HttpStatusCode.Created);
        await server.Http.CallAsync(app.Backend(HttpMethod.Post, "v3/templates", Welcome("crud")), HttpStatusCode.Conflict, """{"status":"error","message":"A template with this identifier exists"}""");

        var read = await server.Http.CallAsync(app.Backend(HttpMethod.Get, "v3/templates/crud"), HttpStatusCode.OK);
        Assert.Equal("Welcome {{ user.name }}", (string)read["locales"]!["en"]!["inApp"]!["title"]!);
        Assert.Single((await server.Http.CallAsync(app.Backend(HttpMethod.Get, "v3/templates"), HttpStatusCode.OK)).AsArray());

        var broken = new { locales = new { en = new { inApp = new { title = "{% if %}", message = "x" } } } };
        var error = await server.Http.CallAsync(app.Backend(HttpMethod.Put, "v3/templates/crud", broken), HttpStatusCode.BadRequest);
        Assert.StartsWith("locales.en.inApp:", (string)error["message"]![0]!);
        Assert.Equal("Welcome {{ user.name }}", (string)(await server.Http.CallAsync(app.Backend(HttpMethod.Get, "v3/templates/crud"), HttpStatusCode.OK))["locales"]!["en"]!["inApp"]!["title"]!);

        var unknown = await server.Http.CallAsync(app.Backend(HttpMethod.Post, "v3/notifications",
            new { notification = new { templateIdentifier = "nope" }, recipients = new[] { "u" } }), HttpStatusCode.BadRequest);
        Assert.Equal("template nope does not exist", (string)unknown["message"]![0]!);

        await server.Http.CallAsync(app.Backend(HttpMethod.Delete, "v3/templates/crud"), HttpStatusCode.OK);
        await server.Http.CallAsync(app.Backend(HttpMethod.Get, "v3/templates/crud"), HttpStatusCode.NotFound, """{"status":"error","message":"Template not found"}""");
        var other = await server.CreateAppAsync();
        await server.Http.CallAsync(app.Backend(HttpMethod.Post, "v3/templates", Welcome("mine")), HttpStatusCode.Created);
        await server.Http.CallAsync(other.Backend(HttpMethod.Get, "v3/templates/mine"), HttpStatusCode.NotFound, """{"status":"error","message":"Template not found"}""");
    }

    [Fact]
    public async Task Should_answer_404_when_deleting_a_template_that_does_not_exist()
    {
        var app = await server.CreateAppAsync();
        var missing = await server.Http.CallAsync(app.Backend(HttpMethod.Delete, "v3/templates/never-made"), HttpStatusCode.NotFound);
        Assert.Equal("Template not found", (string)missing["message"]!);

        await server.Http.CallAsync(app.Backend(HttpMethod.Post, "v3/templates", Welcome("once")), HttpStatusCode.Created);
        var deleted = await server.Http.CallAsync(app.Backend(HttpMethod.Delete, "v3/templates/once"), HttpStatusCode.OK);
        Assert.Equal("Template deleted successfully", (string)deleted["message"]!);
        await server.Http.CallAsync(app.Backend(HttpMethod.Delete, "v3/templates/once"), HttpStatusCode.NotFound, """{"status":"error","message":"Template not found"}""");
    }

    [Fact]
    public async Task Should_keep_one_whole_version_when_template_replacements_race_and_render_that_one()
    {
        var app = await server.CreateAppAsync();
        await server.Http.CallAsync(app.Backend(HttpMethod.Post, "v3/templates", Welcome("raced")), HttpStatusCode.Created);
        object Version(int i) => new { name = $"v{i}", locales = new { en = new { inApp = new { title = $"title {i}", message = $"message {i}" } } } };

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            server.Http.CallAsync(app.Backend(HttpMethod.Put, "v3/templates/raced", Version(i)), HttpStatusCode.OK)));

        Assert.All(answers.Select((a, i) => (a, i)), x => Assert.Equal($"title {x.i}", (string)x.a["locales"]!["en"]!["inApp"]!["title"]!));
        var stored = await server.Http.CallAsync(app.Backend(HttpMethod.Get, "v3/templates/raced"), HttpStatusCode.OK);
        var winner = int.Parse(((string)stored["name"]!)[1..]);
        Assert.Equal(($"title {winner}", $"message {winner}"),
            ((string)stored["locales"]!["en"]!["inApp"]!["title"]!, (string)stored["locales"]!["en"]!["inApp"]!["message"]!));
        await server.SendNotificationAsync(app, new { notification = new { templateIdentifier = "raced" }, sendTo = new { recipients = new[] { "rita" } } });
        var inbox = await server.WaitForInboxAsync(app, "rita", 1);
        Assert.Equal($"title {winner}", (string)inbox["data"]![0]!["title"]!);
    }
}
