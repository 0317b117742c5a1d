using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;
using Notify.Core.Live;
using Notify.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Notify.Tests.Live;

public sealed class InboxComponentBrowserTests(LiveServer server, Chromium chromium) : IClassFixture<LiveServer>, IClassFixture<Chromium>
{
    [Fact]
    public async Task Should_show_a_notification_sent_after_the_page_loaded_and_read_and_delete_it()
    {
        await using var opened = await OpenAsync("kim", phone: false);
        var (app, page) = (opened.App, opened.Page);
        var bell = page.Locator("notify-inbox button.bell");
        await Expect(bell).ToHaveAttributeAsync("aria-label", "Notifications, none unread");
        await WaitForStreamAsync(app);

        await server.SendToAsync(app, "kim", "Your parcel has shipped");
        await Expect(bell).ToHaveAttributeAsync("aria-label", "Notifications, 1 unread");
        await Expect(page.Locator("notify-inbox .badge")).ToHaveTextAsync("1");
        await Expect(page.Locator("notify-inbox [role=status]")).ToContainTextAsync("New notification: Your parcel has shipped");

        await bell.ClickAsync();
        var item = page.Locator("notify-inbox li[data-id]");
        await Expect(item).ToHaveCountAsync(1);
        await Expect(item.Locator(".title")).ToHaveTextAsync("Your parcel has shipped");
        await Expect(item).ToHaveClassAsync("unread");

        await item.GetByRole(AriaRole.Button, new() { Name = "Mark as read: Your parcel has shipped" }).ClickAsync();
        await Expect(item).ToHaveClassAsync("read");
        await Expect(bell).ToHaveAttributeAsync("aria-label", "Notifications, none unread");
        var stored = await server.Http.CallAsync(app.AsUser("kim", HttpMethod.Get, "v3/notifications"), HttpStatusCode.OK);
        Assert.NotNull(stored["data"]![0]!["clickedAt"]);

        await item.GetByRole(AriaRole.Button, new() { Name = "Delete: Your parcel has shipped" }).ClickAsync();
        await Expect(page.Locator("notify-inbox li.empty")).ToHaveTextAsync("No notifications yet.");
        await server.WaitForInboxAsync(app, "kim", 0);
    }

    [Fact]
    public async Task Should_show_hostile_content_as_text_and_answer_an_item_with_actions()
    {
        await using var opened = await OpenAsync("lou", phone: false);
        var (app, page) = (opened.App, opened.Page);
        await WaitForStreamAsync(app);
        await server.SendToAsync(app, "lou", "<img src=x onerror=\"window.pwned=1\">");
        await server.SendNotificationAsync(app, new
        {
            notification = new
            {
                title = "How was your delivery?",
                actions = new { type = "RADIO", submitText = "Send", options = new[] { new { text = "Good", selected = false }, new { text = "Late", selected = false } } },
            },
            sendTo = new { recipients = new[] { "lou" } },
        });
        await Expect(page.Locator("notify-inbox .badge")).ToHaveTextAsync("2");
        await page.Locator("notify-inbox button.bell").ClickAsync();

        var hostile = page.Locator("notify-inbox li[data-id]").Nth(1);
        await Expect(hostile.Locator(".title")).ToHaveTextAsync("<img src=x onerror=\"window.pwned=1\">");
        Assert.Equal(0, await hostile.Locator("img").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.pwned === undefined"));

        var question = page.Locator("notify-inbox li[data-id]").First;
        await question.GetByLabel("Late").CheckAsync();
        await question.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(question.Locator(".answered")).ToHaveTextAsync("Answered: Late");
        var answered = await server.Http.CallAsync(app.AsUser("lou", HttpMethod.Get, "v3/notifications"), HttpStatusCode.OK);
        Assert.Equal("Late", answered["data"]![0]!["response"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_work_by_keyboard()
    {
        await using var opened = await OpenAsync("max", phone: false);
        var page = opened.Page;
        var bell = page.Locator("notify-inbox button.bell");
        await bell.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(bell).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(page.Locator("notify-inbox h2")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(bell).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(bell).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Should_page_the_list_with_load_more()
    {
        await using var opened = await OpenAsync("pia", phone: false);
        var (app, page) = (opened.App, opened.Page);
        for (var i = 1; i <= 12; i++) await server.SendToAsync(app, "pia", $"Note {i}");
        await server.WaitForInboxAsync(app, "pia", 12);
        await page.ReloadAsync();
        await page.Locator("notify-inbox button.bell").ClickAsync();
        var items = page.Locator("notify-inbox li[data-id]");
        await Expect(items).ToHaveCountAsync(10);
        await page.Locator("notify-inbox .more").ClickAsync();
        await Expect(items).ToHaveCountAsync(12);
        await Expect(items.Last.Locator(".title")).ToHaveTextAsync("Note 1");
        await Expect(page.Locator("notify-inbox .more")).ToBeHiddenAsync();
    }

    [Theory]
    [InlineData(true, "inbox-component-phone.png")]
    [InlineData(false, "inbox-component-desktop.png")]
    public async Task Should_take_screenshots_of_an_open_inbox(bool phone, string file)
    {
        await using var opened = await OpenAsync(phone ? "ned" : "ola", phone);
        var (app, page) = (opened.App, opened.Page);
        var user = phone ? "ned" : "ola";
        await server.SendToAsync(app, user, "Welcome to the shop");
        await server.SendNotificationAsync(app, new { notification = new { title = "Order 1042 shipped", message = "Arrives Thursday between 9 and 12." }, sendTo = new { recipients = new[] { user } } });
        await server.WaitForInboxAsync(app, user, 2);
        await page.ReloadAsync();
        await Expect(page.Locator("notify-inbox .badge")).ToHaveTextAsync("2");
        await page.Locator("notify-inbox button.bell").ClickAsync();
        await Expect(page.Locator("notify-inbox li[data-id]")).ToHaveCountAsync(2);
        await Expect(page.Locator("notify-inbox .more")).ToBeHiddenAsync();
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath(file) });
    }

    /// <summary>The page is served from another loopback port, an origin the app names as allowed.</summary>
    private async Task<OpenedPage> OpenAsync(string userId, bool phone)
    {
        var app = await server.CreateAppAsync();
        var site = await LoopbackServer.StartAsync(web => web.MapGet("/", () =>
            Results.Content(InboxComponentPage.Html(server.Http.BaseAddress!, app.ApiKey, userId), "text/html")));
        var origin = site.BaseAddress.GetLeftPart(UriPartial.Authority);
        await server.Http.CallAsync(TestApi.Operator(HttpMethod.Patch, $"operator/apps/{app.Id}", new { allowedOrigins = new[] { origin } }), HttpStatusCode.OK);
        var context = await chromium.NewContextAsync(phone);
        var page = await context.NewPageAsync();
        SetDefaultExpectTimeout(30_000);
        await page.GotoAsync(site.BaseAddress.ToString());
        return new OpenedPage(app, page, context, site);
    }

    private async Task WaitForStreamAsync(TestApp app)
    {
        bool Open() => server.Get<InboxSignals>().All.Any(w => w.AppId == app.Id && w.StreamCount > 0);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!Open() && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.True(Open(), "The component opened no stream");
    }

    private sealed record OpenedPage(TestApp App, IPage Page, IBrowserContext Context, LoopbackServer Site) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Context.DisposeAsync();
            await Site.DisposeAsync();
        }
    }
}
