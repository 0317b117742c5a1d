using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;
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
        await using var opened = await OpenAsync(app, "rae");
        var page = opened.Page;
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

    [Fact]
    public async Task Should_resume_from_the_last_event_it_saw_and_show_what_came_meanwhile()
    {
        var app = await server.CreateAppAsync();
        var streams = new List<string>();
        var held = new TaskCompletionSource<IRoute>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var opened = await OpenAsync(app, "sol", page => page.RouteAsync("**/v3/notifications/stream?**", async route =>
        {
            int count;
            lock (streams)
            {
                streams.Add(route.Request.Url);
                count = streams.Count;
            }
            // The second stream waits until the test has sent while no stream was open.
            if (count == 2) held.TrySetResult(route);
            else await route.ContinueAsync();
        }));
        var page = opened.Page;
        await WaitForStreamAsync(app);
        await server.SendToAsync(app, "sol", "Before the stream ended");

        // The first stream ends after 5 s; the component asks for the next with a new ticket.
        var second = await held.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // Everything the first stream carried has arrived by now.
        await Expect(page.Locator("notify-inbox .badge")).ToHaveTextAsync("1", new() { Timeout = 2_000 });
        var lastSeen = await page.EvaluateAsync<string?>("document.querySelector('notify-inbox').lastEventId");
        await server.SendToAsync(app, "sol", "While no stream was open");
        await server.WaitForInboxAsync(app, "sol", 2);
        await second.ContinueAsync();

        // Announced as new: the resumed stream replayed it, where a fresh one would only have reloaded the list.
        await Expect(page.Locator("notify-inbox [role=status]")).ToContainTextAsync("New notification: While no stream was open", new() { Timeout = 10_000 });
        await Expect(page.Locator("notify-inbox .badge")).ToHaveTextAsync("2");
        string[] urls;
        lock (streams) urls = [.. streams];
        var (first, resumed) = (Query(urls[0]), Query(urls[1]));
        Assert.Null(first["lastEventId"]);
        Assert.False(string.IsNullOrEmpty(lastSeen));
        Assert.Equal(lastSeen, resumed["lastEventId"]);
        Assert.NotEqual(first["ticket"], resumed["ticket"]);
    }

    [Fact]
    public async Task Should_spend_one_stream_ticket_when_the_page_loads()
    {
        var app = await server.CreateAppAsync();
        var tickets = 0;
        await using var opened = await OpenAsync(app, "val", page =>
        {
            page.Request += (_, request) =>
            {
                if (request.Method == "POST" && request.Url.EndsWith("/v3/notifications/stream-tickets", StringComparison.Ordinal))
                    Interlocked.Increment(ref tickets);
            };
            return Task.CompletedTask;
        });
        await WaitForStreamAsync(app);

        // A user holds at most ten unspent tickets: a page that took one per attribute would run out after a few loads.
        Assert.Equal(1, Volatile.Read(ref tickets));
    }

    [Fact]
    public async Task Should_poll_the_inbox_once_streams_keep_failing()
    {
        var app = await server.CreateAppAsync();
        var refused = 0;
        await using var opened = await OpenAsync(app, "tam", async page =>
        {
            await page.Clock.InstallAsync();
            await page.RouteAsync("**/v3/notifications/stream?**", route =>
            {
                Interlocked.Increment(ref refused);
                return route.AbortAsync();
            });
        });
        var page = opened.Page;
        var bell = page.Locator("notify-inbox button.bell");
        // Each failed stream is retried after a longer wait; the third failure turns polling on.
        Task<int> Failures() => page.EvaluateAsync<int>("document.querySelector('notify-inbox').failures");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await Failures() < 3 && DateTime.UtcNow < deadline)
        {
            await page.Clock.RunForAsync(1_000);
            await Task.Delay(50);
        }
        Assert.True(await Failures() >= 3, "The component did not count three failed streams");
        Assert.True(Volatile.Read(ref refused) >= 3, "The component did not try three streams");
        await Expect(bell).ToHaveAttributeAsync("aria-label", "Notifications, none unread");

        await server.SendToAsync(app, "tam", "Seen by polling");
        await server.WaitForInboxAsync(app, "tam", 1);
        await page.Clock.RunForAsync(30_000);
        await Expect(bell).ToHaveAttributeAsync("aria-label", "Notifications, 1 unread", new() { Timeout = 10_000 });
    }

    [Fact]
    public async Task Should_poll_the_inbox_in_a_browser_without_event_source()
    {
        var app = await server.CreateAppAsync();
        var (lists, tickets) = (0, 0);
        await using var opened = await OpenAsync(app, "uma", async page =>
        {
            await page.Clock.InstallAsync();
            await page.AddInitScriptAsync("delete window.EventSource;");
            page.Response += (_, response) =>
            {
                var path = new Uri(response.Url).AbsolutePath;
                // Preflights come back too; the reads are the GETs.
                if (path.EndsWith("/v3/notifications", StringComparison.Ordinal) && response.Request.Method == "GET") Interlocked.Increment(ref lists);
                if (path.EndsWith("/stream-tickets", StringComparison.Ordinal)) Interlocked.Increment(ref tickets);
            };
        });
        var page = opened.Page;
        var bell = page.Locator("notify-inbox button.bell");
        Assert.Equal("undefined", await page.EvaluateAsync<string>("typeof EventSource"));
        // The first list is read at once; the send must come after it, or that read alone would show it.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Volatile.Read(ref lists) == 0 && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.Equal(1, Volatile.Read(ref lists));
        await Expect(bell).ToHaveAttributeAsync("aria-label", "Notifications, none unread");

        await server.SendToAsync(app, "uma", "Seen by polling");
        await server.WaitForInboxAsync(app, "uma", 1);
        await page.Clock.RunForAsync(30_000);
        await Expect(bell).ToHaveAttributeAsync("aria-label", "Notifications, 1 unread", new() { Timeout = 10_000 });
        Assert.Equal(0, Volatile.Read(ref tickets));
        Assert.DoesNotContain(server.Get<InboxSignals>().All, w => w.AppId == app.Id && w.StreamCount > 0);
    }

    private static System.Collections.Specialized.NameValueCollection Query(string url) => System.Web.HttpUtility.ParseQueryString(new Uri(url).Query);

    /// <summary>The component on a page of its own origin; <paramref name="prepare"/> runs before the page loads.</summary>
    private async Task<OpenedPage> OpenAsync(TestApp app, string userId, Func<IPage, Task>? prepare = null)
    {
        var site = await LoopbackServer.StartAsync(web => web.MapGet("/", () =>
            Results.Content(InboxComponentPage.Html(server.Http.BaseAddress!, app.ApiKey, userId), "text/html")));
        var context = await chromium.NewContextAsync(phone: false);
        var opened = new OpenedPage(await context.NewPageAsync(), context, site);
        try
        {
            if (prepare is not null) await prepare(opened.Page);
            SetDefaultExpectTimeout(30_000);
            await opened.Page.GotoAsync(site.BaseAddress.ToString());
            return opened;
        }
        catch
        {
            await opened.DisposeAsync();
            throw;
        }
    }

    private async Task WaitForStreamAsync(TestApp app)
    {
        bool Open() => server.Get<InboxSignals>().All.Any(w => w.AppId == app.Id && w.StreamCount > 0);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!Open() && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.True(Open(), "The component opened no stream");
    }

    private sealed record OpenedPage(IPage Page, IBrowserContext Context, LoopbackServer Site) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Context.DisposeAsync();
            await Site.DisposeAsync();
        }
    }
}
