using Microsoft.Playwright;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.ApiDocs;

/// <summary>The landing page and the API reference as a person sees them, in Debian's Chromium.</summary>
public sealed class ReferencePageBrowserTests(NotifyServer server, Chromium chromium) : IClassFixture<NotifyServer>, IClassFixture<Chromium>
{
    [Fact]
    public async Task The_landing_page_leads_to_a_reference_that_renders_every_document_served_from_the_self_host()
    {
        await using var context = await chromium.NewContextAsync(phone: false);
        var page = await context.NewPageAsync();
        var outside = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(server.Http.BaseAddress!.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal)
                && !request.Url.StartsWith("data:", StringComparison.Ordinal)) outside.Add(request.Url);
        };

        await page.GotoAsync(new Uri(server.Http.BaseAddress!, "/").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "API reference" }).ClickAsync();
        // The first document (the operator API) opens first: its title and an operation's summary render.
        await page.GetByText("Notify operator API").First.WaitForAsync(new() { Timeout = 30_000 });
        await page.GetByText("Create an app").First.WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("api-reference.png") });

        Assert.EndsWith("/docs", new Uri(page.Url).AbsolutePath.TrimEnd('/'));
        Assert.Empty(outside);
    }
}
