using System.Net;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.SelfHost;

public sealed class ServerWithoutAdminKey : NotifyServer
{
    protected override IEnumerable<string> Settings => ["--Notify:AdminKey="];
}

public sealed class OperatorApiOffTests(ServerWithoutAdminKey server) : IClassFixture<ServerWithoutAdminKey>
{
    [Theory]
    [InlineData("")]
    [InlineData(NotifyServer.AdminKey)]
    public async Task Should_not_exist_when_no_admin_key_is_configured(string key)
    {
        using var response = await server.Http.SendAsync(TestApi.Admin(HttpMethod.Post, "admin/apps", new { name = "x" }, key));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
