using System.Net;
using Notify.Core.Devices;
using Notify.Tests.Infrastructure;
using Notify.Core.Faces.V3;

namespace Notify.Tests.V3;

public sealed class SdkConnectTests(NotifyServer server) : IClassFixture<NotifyServer>
{
    [Fact]
    public async Task Should_register_the_device_and_answer_unread_count_and_app_info()
    {
        var app = await server.CreateAppAsync("Connect app");
        await server.SendNotificationAsync(app, new { notification = new { title = "Hi" }, sendTo = new { recipients = new[] { "sdk" } } });
        await server.WaitForInboxAsync(app, "sdk", 1);
        var request = app.AsUser("sdk", HttpMethod.Post, "v3/sdk/connect", new { deviceType = "browser" });
        request.Headers.Add(V3Headers.DeviceId, "device-1");

        var answer = await server.Http.CallAsync(request, HttpStatusCode.OK);

        Assert.Equal(1, answer["unreadCount"]!.GetValue<int>());
        Assert.Equal("Connect app", answer["app"]!["name"]!.GetValue<string>());
        Assert.Equal(["inApp"], answer["app"]!["channels"]!.AsArray().Select(c => c!.GetValue<string>()));
        var device = await server.Get<DeviceStore>().GetAsync(app.Id, "sdk", "device-1", CancellationToken.None);
        Assert.Equal("browser", device!.DeviceType);
    }

    [Theory]
    [InlineData("device-2", """{"deviceType":"toaster"}""", "deviceType must be one of the following values: browser, android, ios")]
    [InlineData("device-2", """{}""", "deviceType should not be empty")]
    [InlineData(null, """{"deviceType":"ios"}""", "X-ENGAGESPOT-DEVICE-ID header should not be empty")]
    public async Task Should_refuse_a_missing_device_or_unknown_device_type(string? deviceId, string body, string message)
    {
        var app = await server.CreateAppAsync();
        var request = app.AsUser("sdk", HttpMethod.Post, "v3/sdk/connect", body);
        if (deviceId is not null) request.Headers.Add(V3Headers.DeviceId, deviceId);

        var error = await server.Http.CallAsync(request, HttpStatusCode.BadRequest);

        Assert.Equal([message], error["message"]!.AsArray().Select(m => m!.GetValue<string>()));
    }
}
