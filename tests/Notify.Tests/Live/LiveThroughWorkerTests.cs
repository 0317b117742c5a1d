using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Notify.Tests.Hosting.Worker;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Live;

/// <summary>
/// The live inbox inside the built Functions worker, through its forwarding functions: the face answers the preflight
/// (platform CORS is off in Azure), serves the component, and streams while the invocation is still running.
/// </summary>
public sealed class LiveThroughWorkerTests(WorkerFixture worker) : IClassFixture<WorkerFixture>
{
    [Fact]
    public async Task Should_answer_preflights_serve_the_component_and_stream_under_the_worker()
    {
        var preflight = TestApi.Request(HttpMethod.Options, "v3/notifications");
        preflight.Headers.Add("Origin", "https://shop.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "x-engagespot-api-key, x-engagespot-user-id");
        using (var answer = await worker.Host.SendAsync(preflight))
        {
            Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
            Assert.Equal("https://shop.example", answer.Headers.GetValues("Access-Control-Allow-Origin").Single());
        }
        using (var script = await worker.Host.SendAsync(TestApi.Request(HttpMethod.Get, "inbox.js")))
        {
            Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);
            Assert.Contains("customElements.define(\"notify-inbox\"", await script.Content.ReadAsStringAsync());
        }

        var app = await CallAsync(TestApi.Operator(HttpMethod.Post, "operator/apps", new { name = "worker live" }, WorkerFixture.OperatorKey), HttpStatusCode.Created);
        var testApp = new TestApp(app["id"]!.GetValue<string>(), app["apiKey"]!.GetValue<string>(), app["apiSecret"]!.GetValue<string>());
        var ticket = (await CallAsync(testApp.AsUser("wu", HttpMethod.Post, "v3/notifications/stream-tickets"), HttpStatusCode.Created))["ticket"]!.GetValue<string>();
        var (response, invocation) = await worker.Host.OpenStreamAsync(TestApi.Request(HttpMethod.Get, LiveApi.StreamPath(testApp, "wu", ticket)));
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8);
            var stream = new EventStreamReader(response, reader);
            var ready = await stream.NextAsync();
            Assert.Equal(("ready", 0), (ready.Name, ready.Unread()));
        }
        await invocation.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private async Task<JsonNode> CallAsync(HttpRequestMessage request, HttpStatusCode expected)
    {
        using var response = await worker.Host.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected} but got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }
}
