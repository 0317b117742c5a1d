using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Notify.Core.Feeds;
using Notify.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Notify.Tests.Feeds;

/// <summary>The subscriber's page in a real browser: subscribe, live notifications, read, mute, unsubscribe.</summary>
public sealed partial class SubscriberPageTests(FeedServer server, Chromium chromium) : IClassFixture<FeedServer>, IClassFixture<Chromium>
{
    private static readonly LocatorAssertionsToHaveTextOptions Soon = new() { Timeout = 15_000 };

    [Fact]
    public async Task Should_subscribe_show_live_notifications_mark_read_mute_and_unsubscribe_on_a_phone()
    {
        var feed = await server.CreateFeedAsync(await server.CreateAppAsync(), "Deliveries");
        await using var context = await chromium.NewContextAsync(phone: true);
        var page = await context.NewPageAsync();
        var dialogs = 0;
        page.Dialog += async (_, dialog) => { dialogs++; await dialog.DismissAsync(); };

        await page.GotoAsync(Url($"feeds/subscribe/{await server.CodeAsync(feed, "phone-user")}"));
        await Expect(page.Locator("#subscribe-name")).ToHaveTextAsync("Deliveries");
        await page.ClickAsync("#subscribe-button");
        await Expect(page.Locator("#feed-name")).ToHaveTextAsync("Deliveries");
        await Expect(page.Locator("#live")).ToHaveTextAsync("Live", Soon);
        await server.Http.CallAsync(feed.Channel(HttpMethod.Get, "subscriptions/phone-user"), HttpStatusCode.OK);
        await page.EvaluateAsync("() => { window.notReloaded = true; }");

        await server.SendAsync(feed, "phone-user", "Parcel shipped", "It arrives tomorrow between 9 and 12.");
        await server.SendAsync(feed, "phone-user", "<img src=x onerror=alert(1)>", "<script>alert(2)</script> & <b>bold</b>");

        var items = page.Locator(".item");
        await Expect(items).ToHaveCountAsync(2, new() { Timeout = 15_000 });
        await Expect(items.Nth(0).Locator(".title")).ToHaveTextAsync("<img src=x onerror=alert(1)>");
        await Expect(items.Nth(0).Locator(".text")).ToHaveTextAsync("<script>alert(2)</script> & <b>bold</b>");
        await Expect(items.Nth(1).Locator(".title")).ToHaveTextAsync("Parcel shipped");
        Assert.Equal(0, await page.Locator("main img, main script, main b").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the notifications arrived without a reload");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("subscriber-page-phone.png"), FullPage = true });

        await items.Nth(1).Locator("button").ClickAsync();
        await Expect(items.Nth(1)).ToHaveClassAsync(ReadItem());
        var subscription = (await server.Get<SubscriptionStore>().GetAsync(feed.Id, "phone-user", CancellationToken.None))!;
        var stored = await server.Get<FeedNotifications>().ListAsync(subscription, 10, null, CancellationToken.None);
        Assert.NotNull(stored.Items.Single(n => n.Title == "Parcel shipped").ReadAt);
        Assert.Null(stored.Items.Single(n => n.Title != "Parcel shipped").ReadAt);

        await page.ClickAsync("#mute-button");
        await Expect(page.Locator("#mute-button")).ToHaveAttributeAsync("aria-pressed", "true");
        var muted = await server.Http.CallAsync(feed.Channel(HttpMethod.Get, "subscriptions/phone-user"), HttpStatusCode.OK);
        Assert.True(muted["mute"]!.GetValue<bool>());

        await page.ClickAsync("#unsubscribe-button");
        await page.ClickAsync("#unsubscribe-button");
        await Expect(page.Locator("#message-title")).ToHaveTextAsync("You have unsubscribed");
        await server.Http.CallAsync(feed.Channel(HttpMethod.Get, "subscriptions/phone-user"), HttpStatusCode.NotFound, """{"statusCode":404,"message":"Subscription not found","error":"Not Found"}""");
        Assert.Equal(0, dialogs);
    }

    [Fact]
    public async Task Should_fall_back_to_polling_without_server_sent_events_and_list_subscriptions_on_a_desktop()
    {
        var feed = await server.CreateFeedAsync(await server.CreateAppAsync(), "Account security");
        await using var context = await chromium.NewContextAsync(phone: false);
        await context.AddInitScriptAsync("delete window.EventSource;");
        var page = await context.NewPageAsync();

        await page.GotoAsync(Url($"feeds/subscribe/{await server.CodeAsync(feed, "desk-user")}"));
        await page.ClickAsync("#subscribe-button");
        await Expect(page.Locator("#live")).ToHaveTextAsync("Updates every few seconds");
        await server.SendAsync(feed, "desk-user", "New sign-in", "A new sign-in to your account from Firefox on Windows.");
        await server.SendAsync(feed, "desk-user", "Password changed", "Your password was changed. If this was not you, contact support.");

        await Expect(page.Locator(".item")).ToHaveCountAsync(2, new() { Timeout = 15_000 });
        await page.Locator(".item button").First.ClickAsync();
        await Expect(page.Locator(".item").First).ToHaveClassAsync(ReadItem());
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("subscriber-page-desktop.png") });

        await page.GotoAsync(Url("feeds/"));
        await Expect(page.Locator(".subscriptions a")).ToHaveTextAsync("Account security");
    }

    [Fact]
    public async Task Should_tell_the_person_when_a_code_cannot_be_used()
    {
        var feed = await server.CreateFeedAsync(await server.CreateAppAsync());
        var code = await server.CodeAsync(feed, "someone");
        await server.ClaimAsync(code);
        await using var context = await chromium.NewContextAsync(phone: true);
        var page = await context.NewPageAsync();

        await page.GotoAsync(Url($"feeds/subscribe/{code}"));

        await Expect(page.Locator("#message-title")).ToHaveTextAsync("This code cannot be used");
        await Expect(page.Locator("#message-text")).ToHaveTextAsync("This code has already been used. Ask for a new one.");
    }

    private string Url(string path) => new Uri(server.Http.BaseAddress!, path).ToString();

    [GeneratedRegex(@"(^|\s)read(\s|$)")]
    private static partial Regex ReadItem();
}
