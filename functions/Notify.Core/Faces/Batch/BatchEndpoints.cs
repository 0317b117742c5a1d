using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
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

    public async Task<IResult> SendAsync(HttpRequest request, CancellationToken ct)
    {
        var (app, list, failure) = await ReadAsync(request, "messages", MaxMessages, ct);
        if (failure is not null) return failure;
        var parsed = list!.Select(BatchMessageParser.Parse).ToList();
        var accepted = parsed.Where(p => p.Message is not null).Select(p => p.Message!).ToList();
        var results = new Queue<MessageResult>(await messages.SendAsync(app!, accepted, ct));
        return Ok(new
        {
            messages = parsed.Select((p, i) => p.Message is null
                ? Refused(list![i], p.Error!)
                : View(results.Dequeue())).ToList(),
        });
    }

    public async Task<IResult> UpsertUsersAsync(HttpRequest request, CancellationToken ct)
    {
        var (app, list, failure) = await ReadAsync(request, "users", MaxUsers, ct);
        if (failure is not null) return failure;
        var results = new object[list!.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, list.Count), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct },
            async (i, token) => results[i] = await UpsertAsync(app!, list[i], token));
        return Ok(new { users = results });
    }

    private async Task<object> UpsertAsync(App app, JsonNode? node, CancellationToken ct)
    {
        var id = (node?["id"] as JsonValue)?.GetValueKind() == System.Text.Json.JsonValueKind.String ? node!["id"]!.GetValue<string>() : null;
        if (node is not JsonObject user || id is not { Length: > 0 and <= BatchMessageParser.MaxId } || id.Any(char.IsControl))
            return new { id, ok = false, error = "id/invalid" };
        var (profile, error) = BatchProfileFields.Read(user, field => field);
        if (error is not null) return new { id, ok = false, error };
        // Fields the batch API does not name are the app's own, for its templates.
        foreach (var (key, value) in user)
            if (key != "id" && !BatchProfileFields.Known.Any(k => k.Batch == key)) profile[key] = value?.DeepClone();
        try
        {
            await users.FillProfileAsync(app.Id, id, profile, ct);
            return new { id, ok = true };
        }
        catch (ProfileChangeRejectedException)
        {
            return new { id, ok = false, error = "user/invalid" };
        }
        catch (UserBeingDeletedException)
        {
            return new { id, ok = false, error = MessageErrors.UserBeingDeleted };
        }
    }

    private async Task<(App? App, JsonArray? List, IResult? Failure)> ReadAsync(HttpRequest request, string name, int max, CancellationToken ct)
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

    private static object Refused(JsonNode? message, string error) => new
    {
        id = Field(message, "id"), notificationId = Field(message, "notificationId"), userId = Field(message, "userId"), ok = false, error,
    };

    private static string? Field(JsonNode? message, string name) =>
        message is JsonObject o && o[name] is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? v.GetValue<string>() : null;

    private static object View(MessageResult r) => new
    {
        id = r.Id, notificationId = r.NotificationId, userId = r.UserId, ok = r.Ok, error = r.Error, emailError = r.EmailError,
        smsError = r.SmsError, channels = r.Channels.ToDictionary(c => c.Key == "inApp" ? "widget" : c.Key, c => c.Value), increment = r.Increment,
    };
}
