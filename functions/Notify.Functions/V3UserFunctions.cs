using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Notify.Core.V3;

namespace Notify.Functions;

/// <summary>v3 user management routes (Notify.Core.V3.V3UserRoutes).</summary>
public sealed class V3UserFunctions(V3UserEndpoints users)
{
    [Function(nameof(V3CreateUser))]
    public Task<IResult> V3CreateUser([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v3/users")] HttpRequest req, CancellationToken ct) =>
        users.CreateAsync(req, ct);

    [Function(nameof(V3PutUser))]
    public Task<IResult> V3PutUser([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "v3/users/{identifier}")] HttpRequest req, string identifier, CancellationToken ct) =>
        users.PutAsync(req, identifier, ct);

    [Function(nameof(V3DeleteUser))]
    public Task<IResult> V3DeleteUser([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "v3/users/{identifier}")] HttpRequest req, string identifier, CancellationToken ct) =>
        users.DeleteAsync(req, identifier, ct);
}
