using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Notify.Core.Apps;
using Notify.Core.Messages;
using Notify.Core.Users;
using static Notify.Core.Faces.Batch.BatchResults;

namespace Notify.Core.Faces.Batch;

/// <summary>The backend calls: <c>POST /messages.send</c> (≤ 50 messages) and <c>POST /users.upsert</c> (≤ 100 users).</summary>
public sealed class BatchEndpoints(BatchAuthenticator auth, MessageService messages, UserStore users, IOptions<NotifyOptions> options)
{
    public const int MaxMessages = 50;
    public const int MaxUsers = 100;

    public async Task<Results<Ok<BatchSendAnswer>, BatchError>> SendAsync(HttpRequest request, CancellationToken ct)
    {
        var (app, list, failure) = await ReadAsync(request, "messages", MaxMessages, ct);
        if (failure is not null) return failure;
        var parsed = list!.Select(BatchMessageParser.Parse).ToList();
        var accepted = parsed.Where(p => p.Message is not null).Select(p => p.Message!).ToList();
        var results = new Queue<MessageResult>(await messages.SendAsync(app!, accepted, ct));
        return TypedResults.Ok(new BatchSendAnswer(parsed.Select((p, i) => p.Message is null
            ? Refused(list![i], p.Error!)
            : View(results.Dequeue())).ToList()));
    }

    public async Task<Results<Ok<BatchUpsertAnswer>, BatchError>> UpsertUsersAsync(HttpRequest request, CancellationToken ct)
    {
        var (app, list, failure) = await ReadAsync(request, "users", MaxUsers, ct);
        if (failure is not null) return failure;
        var results = new BatchUserView[list!.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, list.Count), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct },
            async (i, token) => results[i] = await UpsertAsync(app!, list[i], token));
        return TypedResults.Ok(new BatchUpsertAnswer(results));
    }

    private async Task<BatchUserView> UpsertAsync(App app, JsonNode? node, CancellationToken ct)
    {
        // A user that is not an object has no id to read (indexing a JSON string or number throws).
        var user = node as JsonObject;
        var id = (user?["id"] as JsonValue)?.GetValueKind() == System.Text.Json.JsonValueKind.String ? user!["id"]!.GetValue<string>() : null;
        if (user is null || id is not { Length: > 0 and <= BatchMessageParser.MaxId } || id.Any(char.IsControl))
            return new BatchUserView(id, false, "id/invalid");
        var (profile, error) = BatchProfileFields.Read(user, field => field);
        if (error is not null) return new BatchUserView(id, false, error);
        // Fields the batch API does not name are the app's own, for its templates.
        foreach (var (key, value) in user)
            if (key != "id" && !BatchProfileFields.Known.Any(k => k.Batch == key)) profile[key] = value?.DeepClone();
        try
        {
            await users.FillProfileAsync(app.Id, id, profile, ct);
            return new BatchUserView(id, true);
        }
        catch (ProfileChangeRejectedException)
        {
            return new BatchUserView(id, false, "user/invalid");
        }
        catch (UserBeingDeletedException)
        {
            return new BatchUserView(id, false, MessageErrors.UserBeingDeleted);
        }
    }

    private async Task<(App? App, JsonArray? List, BatchError? Failure)> ReadAsync(HttpRequest request, string name, int max, CancellationToken ct)
    {
        var app = await auth.BackendAsync(request, ct);
        if (app is null) return (null, null, Error(StatusCodes.Status401Unauthorized, "Invalid API key"));
        var (body, failure) = await ReadBodyAsync(request, options.Value.MaxRequestBodyBytes, ct);
        if (failure is not null) return (null, null, failure);
        if (body is not JsonObject root || root[name] is not JsonArray list)
            return (null, null, Invalid($"The body must be an object with a \"{name}\" array"));
        if (list.Count is 0 || list.Count > max)
            return (null, null, Invalid($"\"{name}\" must hold between 1 and {max} items"));
        return (app, list, null);
    }

    private static BatchMessageView Refused(JsonNode? message, string error) =>
        new(Field(message, "id"), Field(message, "notificationId"), Field(message, "userId"), false, error);

    private static string? Field(JsonNode? message, string name) =>
        message is JsonObject o && o[name] is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? v.GetValue<string>() : null;

    private static BatchMessageView View(MessageResult r) => new(
        r.Id, r.NotificationId, r.UserId, r.Ok, r.Error, r.EmailError, r.SmsError,
        r.Channels.ToDictionary(c => c.Key == "inApp" ? "widget" : c.Key, c => c.Value), r.Increment);
}
