using System.Net;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.SelfHost;

public sealed class ServerWithoutOperatorKey : NotifyServer
{
    protected override IEnumerable<string> Settings => ["--Notify:OperatorKey="];
}

public sealed class OperatorApiOffTests(ServerWithoutOperatorKey server) : IClassFixture<ServerWithoutOperatorKey>
{
    [Theory]
    [InlineData("")]
    [InlineData(NotifyServer.OperatorKey)]
    public async Task Should_not_exist_when_no_operator_key_is_configured(string key)
    {
        using var response = await server.Http.SendAsync(TestApi.Operator(HttpMethod.Post, "operator/apps", new { name = "x" }, key));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        using var deadLetters = await server.Http.SendAsync(TestApi.Operator(HttpMethod.Get, "operator/dead-letters", key: key));
        Assert.Equal(HttpStatusCode.NotFound, deadLetters.StatusCode);
        Assert.Empty(await deadLetters.Content.ReadAsStringAsync());
    }
}
