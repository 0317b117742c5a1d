using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Notify.Core.Faces.Kit;

namespace Notify.Functions;

/// <summary>
/// One forwarding function per path prefix of Notify.Core.Hosting.ApiFaces.All: the face's route table
/// decides the rest, so a route is written once, in the core. Every method is accepted here and the
/// dispatcher answers 405 for a method the face does not serve at that path.
/// </summary>
public sealed class HttpFunctions(ApiDispatcher dispatcher)
{
    [Function("Operator")]
    public IResult Operator([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "put", "patch", "delete", "options", Route = "operator/{*path}")] HttpRequest req) =>
        dispatcher.Forward("Operator");

    [Function("MessagesSend")]
    public IResult MessagesSend([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "put", "patch", "delete", "options", Route = "messages.send/{*path}")] HttpRequest req) =>
        dispatcher.Forward("Batch");

    [Function("UsersUpsert")]
    public IResult UsersUpsert([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "put", "patch", "delete", "options", Route = "users.upsert/{*path}")] HttpRequest req) =>
        dispatcher.Forward("Batch");

    [Function("Front")]
    public IResult Front([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "put", "patch", "delete", "options", Route = "front/{*path}")] HttpRequest req) =>
        dispatcher.Forward("Batch");

    [Function("V3")]
    public IResult V3([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "put", "patch", "delete", "options", Route = "v3/{*path}")] HttpRequest req) =>
        dispatcher.Forward("V3");

    [Function("V4")]
    public IResult V4([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "put", "patch", "delete", "options", Route = "v4/{*path}")] HttpRequest req) =>
        dispatcher.Forward("V3");

    [Function("Channels")]
    public IResult Channels([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "put", "patch", "delete", "options", Route = "channels/{*path}")] HttpRequest req) =>
        dispatcher.Forward("Subscriptions");

    [Function("Feeds")]
    public IResult Feeds([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "put", "patch", "delete", "options", Route = "feeds/{*path}")] HttpRequest req) =>
        dispatcher.Forward("Subscriptions");

    [Function("V1")]
    public IResult V1([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "put", "patch", "delete", "options", Route = "v1/{*path}")] HttpRequest req) =>
        dispatcher.Forward("Status");
}
