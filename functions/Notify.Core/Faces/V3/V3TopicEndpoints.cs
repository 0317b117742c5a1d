using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Notify.Core.Apps;
using Notify.Core.Faces.Kit;
using Notify.Core.Topics;
using static Notify.Core.Faces.V3.V3Results;

namespace Notify.Core.Faces.V3;

/// <summary>Topics (backend auth): named audiences whose members choose the channels they get through the topic.</summary>
public sealed class V3TopicEndpoints(V3Authenticator auth, TopicStore topics, TopicMemberStore members, IOptions<NotifyOptions> options)
{
    private const int MaxName = 200;

    public async Task<IResult> CreateAsync(HttpRequest request, CancellationToken ct)
    {
        var (app, body, failure) = await ReadAsync(request, ct);
        if (failure is not null) return failure;
        var v = new Validation();
        var name = v.String(body, "name", MaxName, required: true);
        var identifier = v.String(body, "identifier", V3Limits.Identifier, required: true);
        if (!v.IsValid) return Invalid(v.Errors);
        var topic = await topics.CreateAsync(app!.Id, identifier!, name!, ct);
        return topic is null
            ? Error(StatusCodes.Status409Conflict, $"A topic with identifier {identifier} already exists")
            : Results.Json(topic, statusCode: StatusCodes.Status201Created);
    }

    public Task<IResult> RenameAsync(HttpRequest request, string id, CancellationToken ct) =>
        WithTopicAsync(request, id, ct, async (app, topic, body) =>
        {
            var v = new Validation();
            var name = v.String(body, "name", MaxName, required: true);
            if (!v.IsValid) return Invalid(v.Errors);
            var renamed = await topics.RenameAsync(app.Id, topic.Id, name!, ct);
            return renamed is null ? TopicNotFound() : Results.Ok(renamed);
        });

    public Task<IResult> DeleteAsync(HttpRequest request, string id, CancellationToken ct) =>
        WithTopicAsync(request, id, ct, async (app, topic, _) =>
            await topics.DeleteAsync(app.Id, topic.Id, ct)
                ? Results.Ok(new { statusCode = 200, message = "Topic deleted successfully" })
                : TopicNotFound());

    public Task<IResult> AddUsersAsync(HttpRequest request, string id, CancellationToken ct) =>
        WithTopicAsync(request, id, ct, async (app, topic, body) =>
        {
            var v = new Validation();
            var added = TopicMemberParser.Members(v, body);
            if (!v.IsValid) return Invalid(v.Errors);
            await members.AddAsync(app.Id, topic.Id, added, ct);
            return Results.Ok(new { statusCode = 200, message = "Users added to topic" });
        });

    public Task<IResult> DetachUsersAsync(HttpRequest request, string id, CancellationToken ct) =>
        WithTopicAsync(request, id, ct, async (app, topic, body) =>
        {
            var v = new Validation();
            var detached = TopicMemberParser.Identifiers(v, body);
            if (!v.IsValid) return Invalid(v.Errors);
            await members.RemoveAsync(app.Id, topic.Id, detached, ct);
            return Results.Ok(new { statusCode = 200, message = "Users detached from topic" });
        });

    public Task<IResult> SetUserChannelsAsync(HttpRequest request, string id, string identifier, CancellationToken ct) =>
        WithTopicAsync(request, id, ct, async (app, topic, body) =>
        {
            var v = new Validation();
            var channels = TopicMemberParser.Channels(v, body?["channels"], "channels");
            if (body?["channels"] is null) v.Add("channels must be a non-empty array");
            if (!v.IsValid) return Invalid(v.Errors);
            var userId = RouteValue.Decode(identifier);
            return await members.SetChannelsAsync(app.Id, topic.Id, userId, channels, ct)
                ? Results.Ok(new { identifier = userId, channels })
                : NotFound("User is not a member of this topic");
        });

    public async Task<IResult> ListSubscriptionsAsync(HttpRequest request, string identifier, CancellationToken ct)
    {
        identifier = RouteValue.Decode(identifier);
        var caller = await auth.BackendAsync(request, ct);
        if (caller.Failure is not null) return caller.Failure;
        var appId = caller.Caller!.Id;
        var subscriptions = new List<object>();
        foreach (var row in await members.ListSubscriptionsAsync(appId, identifier, ct))
            // A deleted topic leaves its subscription rows behind; they list nothing.
            if (await topics.GetAsync(appId, row.TopicId, ct) is { } topic)
                subscriptions.Add(new { topic.Id, topic.Name, topic.Identifier, channels = row.Channels?.Split(',') });
        return Results.Ok(subscriptions);
    }

    private async Task<IResult> WithTopicAsync(HttpRequest request, string id, CancellationToken ct, Func<App, Topic, JsonObject?, Task<IResult>> action)
    {
        var (app, body, failure) = await ReadAsync(request, ct);
        if (failure is not null) return failure;
        var topic = await topics.ResolveAsync(app!.Id, id, ct);
        return topic is null ? TopicNotFound() : await action(app, topic, body);
    }

    private async Task<(App? App, JsonObject? Body, IResult? Failure)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var caller = await auth.BackendAsync(request, ct);
        if (caller.Failure is not null) return (null, null, caller.Failure);
        var (body, failure) = await V3Body.ReadAsync(request, options.Value.MaxRequestBodyBytes, ct);
        if (failure is not null) return (null, null, failure);
        return body is null or JsonObject ? (caller.Caller, body as JsonObject, null) : (null, null, Invalid("body must be an object"));
    }

    private static IResult TopicNotFound() => NotFound("Topic not found");
}
