using Microsoft.AspNetCore.Routing;
using Notify.Core.Admin;
using Notify.Core.V3;

namespace Notify.Core.Hosting;

/// <summary>
/// Every HTTP endpoint of every API face, for hosts that route themselves. The Functions app declares
/// one function per route mapped here; a test holds the two in step.
/// </summary>
public static class NotifyEndpoints
{
    public static IEndpointRouteBuilder MapNotifyEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapAdmin();
        app.MapV3Notifications();
        app.MapV3Users();
        app.MapV3Templates();
        app.MapV3Account();
        app.MapV3Categories();
        app.MapV3Topics();
        app.MapV4Workflows();
        return app;
    }
}
