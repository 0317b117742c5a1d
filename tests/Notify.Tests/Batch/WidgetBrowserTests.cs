using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Batch;

public sealed class WidgetBrowserTests(BatchServer server, Chromium chromium) : IClassFixture<BatchServer>, IClassFixture<Chromium>
{
    [Fact]
    public async Task Should_serve_a_widget_on_another_origin_in_a_real_browser()
    {
        var app = await server.CreateAppAsync();
        await server.CreateNotificationAsync(app, new
        {
            identifier = "orders", channels = new[] { "inApp", "email" },
            locales = new { en = new { inApp = new { title = "Order {{ data.no }}", message = "is {{ data.state }}" }, email = new { subject = "Order", html = "<p>Order</p>" } } },
        });
        await server.SendMessagesAsync(app,
            new { notificationId = "orders", userId = "zoe", data = new { no = 1, state = "packed" } },
            new { notificationId = "orders", userId = "zoe", data = new { no = 2, state = "shipped" } });
        await using var site = await LoopbackServer.StartAsync(web => web.MapGet("/", () =>
            Results.Content(WidgetPage.Html(server.Http.BaseAddress!, app.Id, "zoe", app.Hmac("zoe")), "text/html")));
        await using var context = await chromium.NewContextAsync(phone: false);
        var page = await context.NewPageAsync();
        // The machine is shared; the page's calls may take a while.
        Assertions.SetDefaultExpectTimeout(30_000);

        await page.GotoAsync(site.BaseAddress.ToString());

        var items = page.Locator("#messages li");
        await Assertions.Expect(items).ToHaveTextAsync(["Order 2: is shipped", "Order 1: is packed"]);
        await Assertions.Expect(page.Locator("#unread")).ToHaveTextAsync("2");
        await items.Nth(1).ClickAsync();
        await Assertions.Expect(items.Nth(1)).ToHaveAttributeAsync("data-read", "yes");
        await Assertions.Expect(page.Locator("#unread")).ToHaveTextAsync("1");
        var v3 = await server.Http.CallAsync(app.AsUser("zoe", HttpMethod.Get, "v3/notifications"), HttpStatusCode.OK);
        Assert.NotNull(v3["data"]![1]!["clickedAt"]);
        Assert.Equal(200, await page.EvaluateAsync<int>("() => muteEmail('orders')"));
        var user = await server.Http.CallAsync(app.FrontGet("front/users.get", "zoe"), HttpStatusCode.OK);
        Assert.True((bool)user["user"]!["preferences"]!["orders"]!["muteEmail"]!);
        Assert.Equal("401 Unauthorized", await page.EvaluateAsync<string>("() => withWrongHmac()"));
    }
}
