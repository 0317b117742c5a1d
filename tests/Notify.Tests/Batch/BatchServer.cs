using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Notify.Core.Faces.Batch;
using Notify.Tests.Channels.Email;
using Notify.Tests.Channels.Sms;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Batch;

/// <summary>The self-host with email and SMS through loopback ACS contract endpoints and a clock a test can move, for the batch API's tests.</summary>
public sealed class BatchServer : NotifyServer
{
    public TestClock Clock { get; } = new();

    internal AcsSmsContractEndpoint Sms { get; private set; } = null!;
    internal AcsContractEndpoint Email { get; private set; } = null!;

    protected override IEnumerable<string> Settings =>
    [
        "--Notify:Sms:Provider=Acs",
        $"--Notify:Sms:AcsConnectionString={Sms.ConnectionString}",
        "--Notify:Sms:From=+18005550100",
        "--Notify:Email:Provider=Acs",
        $"--Notify:Email:AcsConnectionString={Email.ConnectionString}",
        "--Notify:Email:SenderAddress=notify@notify.test",
        "--Notify:Retries:InitialDelaySeconds=60",
        "--Notify:Messages:ChannelWaitSeconds=4",
    ];

    public override async Task InitializeAsync()
    {
        Sms = await AcsSmsContractEndpoint.StartAsync();
        Email = await AcsContractEndpoint.StartAsync();
        await base.InitializeAsync();
    }

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Sms.DisposeAsync();
        await Email.DisposeAsync();
    }
}

/// <summary>Requests as a backend (bearer API secret) and as the widget (projectId, userId, userHmac) send them.</summary>
public static class BatchApi
{
    public static HttpRequestMessage Batch(this TestApp app, string path, object body, string? bearer = null)
    {
        var request = TestApi.Request(HttpMethod.Post, path, body);
        request.Headers.Add("Authorization", $"Bearer {bearer ?? app.ApiSecret}");
        return request;
    }

    public static async Task<JsonArray> SendMessagesAsync(this NotifyServer server, TestApp app, params object[] messages) =>
        (await server.Http.CallAsync(app.Batch("messages.send", new { messages }), HttpStatusCode.OK))["messages"]!.AsArray();

    public static Task<JsonNode> CreateNotificationAsync(this NotifyServer server, TestApp app, object template) =>
        server.Http.CallAsync(app.Backend(HttpMethod.Post, "v3/templates", template), HttpStatusCode.Created);

    public static string Hmac(this TestApp app, string userId) => BatchAuthenticator.UserHmac(app.ApiSecret, userId);

    public static HttpRequestMessage FrontGet(this TestApp app, string path, string userId, string? hmac = null, string query = "") =>
        new(HttpMethod.Get, $"{path}?projectId={app.Id}&userId={Uri.EscapeDataString(userId)}&userHmac={hmac ?? app.Hmac(userId)}{query}");

    /// <summary>A widget POST: the JSON travels as text/plain, as browsers send it to avoid a preflight.</summary>
    public static HttpRequestMessage FrontPost(this TestApp app, string path, string userId, JsonObject? fields = null, string? hmac = null)
    {
        var body = fields ?? [];
        body["projectId"] = app.Id;
        body["userId"] = userId;
        body["userHmac"] = hmac ?? app.Hmac(userId);
        return new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "text/plain") };
    }

    public static object InAppNotification(string identifier, int? stackTimeoutSeconds = null) => new
    {
        identifier,
        name = identifier,
        defaultLocale = "en",
        stackTimeoutSeconds,
        locales = new
        {
            en = new { inApp = new { title = "Hi {{ user.firstName }}", message = "{{ data.what }} x{{ increment }}" } },
            fr = new { inApp = new { title = "Salut {{ user.firstName }}", message = "{{ data.what }} x{{ increment }}" } },
        },
    };
}
