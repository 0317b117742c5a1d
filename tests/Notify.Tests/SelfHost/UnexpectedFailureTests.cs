using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Notify.Core.Faces.Kit;
using Notify.Core.Faces.V3;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.SelfHost;

/// <summary>A server whose clock can be made to fail, the way a storage outage would fail a handler.</summary>
public sealed class FailingClockServer : NotifyServer
{
    public FailingClock Clock { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

public sealed class FailingClock : TimeProvider
{
    public volatile bool Failing;

    public override DateTimeOffset GetUtcNow() => Failing ? throw new InvalidOperationException("clock broke: secret detail") : base.GetUtcNow();
}

/// <summary>A failure no handler foresaw gets one JSON answer with a correlation id, from the self-host and from the Functions dispatcher alike.</summary>
public sealed class UnexpectedFailureTests(FailingClockServer server) : IClassFixture<FailingClockServer>
{
    private static readonly object Send = new { notification = new { title = "t" }, recipients = new[] { "u" } };

    [Fact]
    public async Task Should_answer_an_unexpected_failure_with_a_correlation_id_and_no_detail_in_the_self_host()
    {
        var app = await server.CreateAppAsync();
        server.Clock.Failing = true;
        try
        {
            using var response = await server.Http.SendAsync(app.Backend(HttpMethod.Post, "v3/notifications", Send));
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            AssertAnswer(body, response.Headers.GetValues(UnexpectedFailure.CorrelationHeader).Single());
        }
        finally
        {
            server.Clock.Failing = false;
        }
    }

    [Fact]
    public async Task Should_answer_an_unexpected_failure_the_same_way_through_the_dispatcher_the_functions_app_uses()
    {
        var app = await server.CreateAppAsync();
        var context = new DefaultHttpContext { RequestServices = server.Services, TraceIdentifier = "trace-42" };
        context.Request.Method = "POST";
        context.Request.Path = "/v3/notifications";
        context.Request.Headers[V3Headers.ApiKey] = app.ApiKey;
        context.Request.Headers[V3Headers.ApiSecret] = app.ApiSecret;
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(Send)));
        context.Response.Body = new MemoryStream();
        server.Clock.Failing = true;
        try
        {
            await server.Get<ApiDispatcher>().DispatchAsync("V3", context);
        }
        finally
        {
            server.Clock.Failing = false;
        }

        Assert.Equal(StatusCodes.Status500InternalServerError, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        AssertAnswer(JsonNode.Parse(context.Response.Body)!, context.Response.Headers[UnexpectedFailure.CorrelationHeader].ToString());
        Assert.Equal("trace-42", context.Response.Headers[UnexpectedFailure.CorrelationHeader].ToString());
    }

    private static void AssertAnswer(JsonNode body, string correlationId)
    {
        Assert.False(string.IsNullOrEmpty(correlationId));
        Assert.Equal($$"""{"status":"error","message":"Internal server error","correlationId":"{{correlationId}}"}""", body.ToJsonString());
    }
}
