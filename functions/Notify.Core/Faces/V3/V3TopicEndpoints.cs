using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Notify.Core.Apps;
using Notify.Core.Audience;
using Notify.Core.Faces.Kit;
using Notify.Core.Topics;
using static Notify.Core.Faces.V3.V3Results;

namespace Notify.Core.Faces.V3;

/// <summary>Topics (backend auth): named audiences whose members choose the channels they get through the topic.</summary>
public sealed class V3TopicEndpoints(V3Call call, V3Authenticator auth, TopicStore topics, TopicMemberStore members, AppAudience audience)
{
    private const int MaxName = 200;

    /// <summary>A body that is an object, or none.</summary>
    private sealed record ObjectBody(JsonObject? Root);

    public Task<Results<Created<Topic>, V3Error>> CreateAsync(HttpRequest request, CancellationToken ct) =>
        call.RunAsync<App, ObjectBody, Created<Topic>>(request, auth.BackendAsync, ReadObject, async (app, body) =>
        {
            var v = new Validation();
            var name = v.String(body.Root, "name", MaxName, required: true);
            var identifier = v.String(body.Root, "identifier", V3Limits.Identifier, required: true);
            if (!v.IsValid) return Invalid(v.Errors);
            return await topics.CreateAsync(app.Id, identifier!, name!, ct) is { } topic
                ? TypedResults.Created((string?)null, topic)
                : Error(StatusCodes.Status409Conflict, $"A topic with identifier {identifier} already exists");
        }, ct);

    public Task<Results<Ok<Topic>, V3Error>> RenameAsync(HttpRequest request, string id, CancellationToken ct) =>
        WithTopicAsync<Ok<Topic>>(request, id, async (app, topic, body) =>
        {
            var v = new Validation();
            var name = v.String(body, "name", MaxName, required: true);
            if (!v.IsValid) return Invalid(v.Errors);
            return await topics.RenameAsync(app.Id, topic.Id, name!, ct) is { } renamed ? TypedResults.Ok(renamed) : TopicNotFound();
        }, ct);

    public Task<Results<Ok<V3Message>, V3Error>> DeleteAsync(HttpRequest request, string id, CancellationToken ct) =>
        WithTopicAsync<Ok<V3Message>>(request, id, async (app, topic, _) =>
            await topics.DeleteAsync(app.Id, topic.Id, ct) ? V3Message.Done("Topic deleted successfully") : TopicNotFound(), ct);

    public Task<Results<Ok<V3Message>, V3Error>> AddUsersAsync(HttpRequest request, string id, CancellationToken ct) =>
        WithTopicAsync<Ok<V3Message>>(request, id, async (app, topic, body) =>
        {
            var v = new Validation();
            var added = TopicMemberParser.Members(v, body);
            if (!v.IsValid) return Invalid(v.Errors);
            await audience.AddToTopicAsync(app.Id, topic.Id, added, ct);
            return V3Message.Done("Users added to topic");
        }, ct);

    public Task<Results<Ok<V3Message>, V3Error>> DetachUsersAsync(HttpRequest request, string id, CancellationToken ct) =>
        WithTopicAsync<Ok<V3Message>>(request, id, async (app, topic, body) =>
        {
            var v = new Validation();
            var detached = TopicMemberParser.Identifiers(v, body);
            if (!v.IsValid) return Invalid(v.Errors);
            await members.RemoveAsync(app.Id, topic.Id, detached, ct);
            return V3Message.Done("Users detached from topic");
        }, ct);

    public Task<Results<Ok<V3TopicMemberChannels>, V3Error>> SetUserChannelsAsync(HttpRequest request, string id, string identifier, CancellationToken ct) =>
        WithTopicAsync<Ok<V3TopicMemberChannels>>(request, id, async (app, topic, body) =>
        {
            var v = new Validation();
            var channels = TopicMemberParser.Channels(v, body?["channels"], "channels");
            if (body?["channels"] is null) v.Add("channels must be a non-empty array");
            if (!v.IsValid) return Invalid(v.Errors);
            var userId = RouteValue.Decode(identifier);
            return await members.SetChannelsAsync(app.Id, topic.Id, userId, channels, ct)
                ? TypedResults.Ok(new V3TopicMemberChannels(userId, channels))
                : NotFound("User is not a member of this topic");
        }, ct);

    public Task<Results<Ok<IReadOnlyList<V3TopicSubscription>>, V3Error>> ListSubscriptionsAsync(HttpRequest request, string identifier, CancellationToken ct) =>
        call.RunAsync<App, Ok<IReadOnlyList<V3TopicSubscription>>>(request, auth.BackendAsync, async app =>
        {
            var subscriptions = new List<V3TopicSubscription>();
            foreach (var row in await members.ListSubscriptionsAsync(app.Id, RouteValue.Decode(identifier), ct))
                // A deleted topic leaves its subscription rows behind; they list nothing.
                if (await topics.GetAsync(app.Id, row.TopicId, ct) is { } topic)
                    subscriptions.Add(new V3TopicSubscription(topic.Id, topic.Name, topic.Identifier, row.Channels?.Split(',')));
            return TypedResults.Ok<IReadOnlyList<V3TopicSubscription>>(subscriptions);
        }, ct);

    private Task<Results<TOk, V3Error>> WithTopicAsync<TOk>(
        HttpRequest request, string id, Func<App, Topic, JsonObject?, Task<Results<TOk, V3Error>>> action, CancellationToken ct)
        where TOk : IResult =>
        call.RunAsync<App, ObjectBody, TOk>(request, auth.BackendAsync, ReadObject, async (app, body) =>
            await topics.ResolveAsync(app.Id, id, ct) is { } topic ? await action(app, topic, body.Root) : TopicNotFound(), ct);

    private static ObjectBody? ReadObject(Validation v, JsonNode? body)
    {
        if (body is null or JsonObject) return new ObjectBody(body as JsonObject);
        v.Add("body must be an object");
        return null;
    }

    private static V3Error TopicNotFound() => NotFound("Topic not found");
}

public sealed record V3TopicMemberChannels(string Identifier, IReadOnlyList<string>? Channels);

public sealed record V3TopicSubscription(int Id, string Name, string Identifier, IReadOnlyList<string>? Channels);
