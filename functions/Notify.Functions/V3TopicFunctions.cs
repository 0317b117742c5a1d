using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Notify.Core.V3;

namespace Notify.Functions;

/// <summary>v3 topic routes and the v4 workflow cancel route (Notify.Core.V3.V3TopicRoutes).</summary>
public sealed class V3TopicFunctions(V3TopicEndpoints topics, V4WorkflowEndpoints workflows)
{
    [Function(nameof(V3CreateTopic))]
    public Task<IResult> V3CreateTopic([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v3/topics")] HttpRequest req, CancellationToken ct) =>
        topics.CreateAsync(req, ct);

    [Function(nameof(V3RenameTopic))]
    public Task<IResult> V3RenameTopic([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "v3/topics/{id}")] HttpRequest req, string id, CancellationToken ct) =>
        topics.RenameAsync(req, id, ct);

    [Function(nameof(V3DeleteTopic))]
    public Task<IResult> V3DeleteTopic([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "v3/topics/{id}")] HttpRequest req, string id, CancellationToken ct) =>
        topics.DeleteAsync(req, id, ct);

    [Function(nameof(V3AddTopicUsers))]
    public Task<IResult> V3AddTopicUsers([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v3/topics/{id}/users")] HttpRequest req, string id, CancellationToken ct) =>
        topics.AddUsersAsync(req, id, ct);

    [Function(nameof(V3DetachTopicUsers))]
    public Task<IResult> V3DetachTopicUsers([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v3/topics/{id}/detachUsers")] HttpRequest req, string id, CancellationToken ct) =>
        topics.DetachUsersAsync(req, id, ct);

    [Function(nameof(V3SetTopicUserChannels))]
    public Task<IResult> V3SetTopicUserChannels([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "v3/topics/{id}/users/{identifier}")] HttpRequest req, string id, string identifier, CancellationToken ct) =>
        topics.SetUserChannelsAsync(req, id, identifier, ct);

    [Function(nameof(V3ListTopicSubscriptions))]
    public Task<IResult> V3ListTopicSubscriptions([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v3/topics/subscriptions/{identifier}")] HttpRequest req, string identifier, CancellationToken ct) =>
        topics.ListSubscriptionsAsync(req, identifier, ct);

    [Function(nameof(V4CancelWorkflow))]
    public Task<IResult> V4CancelWorkflow([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "v4/workflows/{identifier}")] HttpRequest req, string identifier, CancellationToken ct) =>
        workflows.CancelAsync(req, identifier, ct);
}
