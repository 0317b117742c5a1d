using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Notify.Core.Live;
using Notify.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Notify.Tests.Live;

/// <summary>Streams that end after 5 s, as they do after 200 s in Azure.</summary>
public sealed class ShortStreamServer : LiveServer
{
    protected override IEnumerable<string> Settings => [.. base.Settings, "--Notify:Live:StreamSeconds=5"];
}

public sealed class ReconnectTests(ShortStreamServer server, Chromium chromium) : IClassFixture<ShortStreamServer>, IClassFixture<Chromium>
{
    [Fact]
    public async Task Should_end_a_stream_with_reconnect_when_its_time_is_up()
    {
        var app = await server.CreateAppAsync();
        await using var stream = await server.StreamAsync(app, "quinn");
        var ended = await stream.NextNamedAsync("reconnect", TimeSpan.FromSeconds(20));
        Assert.Null(ended.Id);
        Assert.Equal(3000, ended.Data!["retryMilliseconds"]!.GetValue<int>());
    }

    [Fact]
    public async Task Should_keep_the_component_live_across_streams()
    {
        var app = await server.CreateAppAsync();
        await using var site = await LoopbackServer.StartAsync(web => web.MapGet("/", () =>
            Results.Content(InboxComponentPage.Html(server.Http.BaseAddress!, app.ApiKey, "rae"), "text/html")));
        await using var context = await chromium.NewContextAsync(phone: false);
        var page = await context.NewPageAsync();
        SetDefaultExpectTimeout(30_000);
        await page.GotoAsync(site.BaseAddress.ToString());
        await Expect(page.Locator("notify-inbox button.bell")).ToHaveAttributeAsync("aria-label", "Notifications, none unread");

        // Past the first stream's end: the component has opened another with a new ticket.
        await Task.Delay(TimeSpan.FromSeconds(7));
        bool Open() => server.Get<InboxSignals>().All.Any(w => w.AppId == app.Id && w.StreamCount == 1);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!Open() && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.True(Open(), "The component opened no second stream");
        await server.SendToAsync(app, "rae", "After a reconnect");
        // Well within the 30 s of the polling fallback: it came through the stream.
        await Expect(page.Locator("notify-inbox .badge")).ToHaveTextAsync("1", new() { Timeout = 10_000 });
    }
}
