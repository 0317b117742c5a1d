using System.Text.Json.Nodes;
using Notify.Core.Content;
using Notify.Core.Templates;

namespace Notify.Tests.Templates;

public sealed class TemplateRendererTests
{
    private static readonly JsonNode Data = JsonNode.Parse("""{"order":{"id":42,"items":["tea","cake"]},"link":"https://shop.test/o/42"}""")!;
    private static readonly JsonNode Profile = JsonNode.Parse("""{"name":"João <Admin>","locale":"pt-BR"}""")!;
    private readonly TemplateRenderer _renderer = new();

    private static Template Welcome(string version = "1") => new("order-shipped", version, "en", new Dictionary<string, TemplateLocaleContent>
    {
        ["en"] = Content("Hi {{ user.name }}", "Order {{ data.order.id }} shipped"),
        ["pt"] = Content("Olá {{ user.name }}", "Pedido {{ data.order.id }} enviado"),
        ["pt-BR"] = Content("Oi {{ user.name }}", "Pedido {{ data.order.id }} despachado"),
    });

    private static TemplateLocaleContent Content(string title, string message) => new(
        new InAppTemplateContent(title, message, "{{ data.link }}"),
        new EmailTemplateContent(message, "<p>{{ title }}</p><p>{{ user.name }}: {% for item in data.order.items %}<li>{{ item }}</li>{% endfor %}</p>", "{{ user.name }}, " + message));

    private NotificationContent RenderInApp(Template template, string? locale)
    {
        var rendered = Assert.IsType<TemplateRenderResult.Rendered>(_renderer.Render(template, TemplateChannel.InApp, locale, Data, Profile));
        return Assert.IsType<RenderedContent.InApp>(rendered.Content).Content;
    }

    [Theory]
    [InlineData("pt-BR", "Oi João <Admin>")]
    [InlineData("pt_br", "Oi João <Admin>")]
    [InlineData("pt-PT", "Olá João <Admin>")]
    [InlineData("de-DE", "Hi João <Admin>")]
    [InlineData(null, "Hi João <Admin>")]
    public void Should_fall_back_from_exact_to_language_to_default_locale(string? locale, string title) =>
        Assert.Equal(title, RenderInApp(Welcome(), locale).Title);

    [Fact]
    public void Should_use_the_first_locale_when_the_default_has_no_content_for_the_channel()
    {
        var template = new Template("t", "1", "en", new Dictionary<string, TemplateLocaleContent>
        {
            ["fr"] = Content("Bonjour", "Commande"),
            ["en"] = new(Email: new EmailTemplateContent("s", "h")),
            ["de"] = Content("Hallo", "Bestellung"),
        });

        var rendered = Assert.IsType<TemplateRenderResult.Rendered>(_renderer.Render(template, TemplateChannel.InApp, "ja", Data, Profile));

        Assert.Equal("de", rendered.Locale);
    }

    [Fact]
    public void Should_expose_data_and_profile_variables_when_rendering_in_app()
    {
        var inApp = RenderInApp(Welcome(), "en");

        Assert.Equal("Order 42 shipped", inApp.Message);
        Assert.Equal("https://shop.test/o/42", inApp.Url);
    }

    [Fact]
    public void Should_html_encode_variables_in_email_html_only()
    {
        var result = _renderer.Render(Welcome(), TemplateChannel.Email, "en", Data, Profile);

        var email = Assert.IsType<RenderedContent.Email>(Assert.IsType<TemplateRenderResult.Rendered>(result).Content);
        Assert.Equal("<p></p><p>João &lt;Admin&gt;: <li>tea</li><li>cake</li></p>", email.Html);
        Assert.Equal("João <Admin>, Order 42 shipped", email.Text);
        Assert.Equal("Order 42 shipped", email.Subject);
    }

    [Fact]
    public void Should_return_an_error_naming_the_field_when_a_template_does_not_parse()
    {
        var broken = Welcome() with { Id = "broken", Locales = new Dictionary<string, TemplateLocaleContent>
        {
            ["en"] = new(new InAppTemplateContent("{% if user.name %}unclosed", "m")),
        } };

        var error = Assert.IsType<TemplateRenderResult.Error>(_renderer.Render(broken, TemplateChannel.InApp, "en", Data, Profile));

        Assert.Contains("inApp.title", error.Message);
        Assert.Contains("broken", error.Message);
    }

    [Theory]
    [InlineData("{% for i in (1..1000) %}{% for j in (1..1000) %}x{% endfor %}{% endfor %}", "")]
    [InlineData("{% for i in (1..100000000) %}x{% endfor %}", "range")]
    [InlineData("{% assign n = 100000000 %}{% for i in (1..n) %}x{% endfor %}", "range")]
    public void Should_return_an_error_quickly_when_a_template_does_too_much_work(string title, string reason)
    {
        var endless = Welcome() with { Id = "endless", Locales = new Dictionary<string, TemplateLocaleContent>
        {
            ["en"] = new(new InAppTemplateContent(title, "m")),
        } };

        var error = Assert.IsType<TemplateRenderResult.Error>(_renderer.Render(endless, TemplateChannel.InApp, "en", Data, Profile));

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Should_render_ranges_within_the_limit()
    {
        var counting = Welcome() with { Id = "counting", Locales = new Dictionary<string, TemplateLocaleContent>
        {
            ["en"] = new(new InAppTemplateContent("{% for i in (1..data.order.id) %}{% if forloop.last %}{{ i }}{% endif %}{% endfor %}", "m")),
        } };

        Assert.Equal("42", RenderInApp(counting, "en").Title);
    }

    [Fact]
    public void Should_return_an_error_when_no_locale_has_content_for_the_channel()
    {
        var inAppOnly = new Template("t", "1", "en", new Dictionary<string, TemplateLocaleContent>
        {
            ["en"] = new(new InAppTemplateContent("t", "m")),
        });

        Assert.IsType<TemplateRenderResult.Error>(_renderer.Render(inAppOnly, TemplateChannel.Email, "en", Data, Profile));
    }

    [Fact]
    public void Should_render_new_content_when_the_template_version_changes()
    {
        RenderInApp(Welcome("1"), "en");
        var changed = Welcome("2") with { Locales = new Dictionary<string, TemplateLocaleContent> { ["en"] = Content("Changed", "m") } };

        Assert.Equal("Changed", RenderInApp(changed, "en").Title);
    }

    [Fact]
    public void Should_render_each_tenants_own_text_when_template_id_and_version_collide()
    {
        RenderInApp(Welcome("1"), "en");
        var otherTenant = Welcome("1") with { Locales = new Dictionary<string, TemplateLocaleContent> { ["en"] = Content("Other app", "m") } };

        Assert.Equal("Other app", RenderInApp(otherTenant, "en").Title);
    }

    [Fact]
    public void Should_render_empty_text_when_data_and_profile_are_missing()
    {
        var rendered = _renderer.Render(Welcome(), TemplateChannel.InApp, "en", data: null, profile: null);

        Assert.Equal("Hi ", Assert.IsType<RenderedContent.InApp>(Assert.IsType<TemplateRenderResult.Rendered>(rendered).Content).Content.Title);
    }
}
