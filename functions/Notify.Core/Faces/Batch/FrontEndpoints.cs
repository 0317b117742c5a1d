using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Notify.Core.Apps;
using Notify.Core.Faces.Kit;
using Notify.Core.Inbox;
using Notify.Core.Notifications;
using Notify.Core.Templates;
using Notify.Core.Users;
using static Notify.Core.Faces.Batch.BatchResults;

namespace Notify.Core.Faces.Batch;

/// <summary>
/// The widget's API under <c>/front</c>: one user's profile, mutes and messages (their v3 inbox). Every call names
/// <c>projectId</c>, <c>userId</c> and <c>userHmac</c>: GETs in the query, POSTs in a JSON body sent with any content
/// type. Answers carry CORS headers for the origins the app allows (<see cref="BrowserAccess"/>), and errors met before
/// the app is known for any origin, so a page can read why it was refused.
/// </summary>
public sealed class FrontEndpoints(
    BatchAuthenticator auth, InboxStore inbox, UserStore users, TemplateStore templates, IOptions<NotifyOptions> options)
{
    private const int MaxLimit = 100;
    private const int MaxSkip = 10_000;

    public Task<Results<Ok<FrontUserAnswer>, BatchError>> GetUserAsync(HttpContext http, CancellationToken ct) =>
        WithUserAsync<FrontUserAnswer>(http, async (app, userId, _) => TypedResults.Ok(new FrontUserAnswer(
            FrontViews.User(userId, await users.GetAsync(app.Id, userId, ct)),
            (await templates.ListAsync(app.Id, ct)).Select(t => FrontViews.Notification(Notification.From(t))).ToList())), ct);

    public Task<Results<Ok<FrontMessagesAnswer>, BatchError>> ListMessagesAsync(HttpContext http, CancellationToken ct) =>
        WithUserAsync<FrontMessagesAnswer>(http, async (app, userId, _) =>
    {
        if (!QueryNumber.TryRead(http.Request.Query["skip"], 0, MaxSkip, 0, out var skip) || !QueryNumber.TryRead(http.Request.Query["limit"], 1, MaxLimit, 20, out var limit))
            return Invalid($"skip must be 0 to {MaxSkip} and limit 1 to {MaxLimit}");
        // The inbox pages by page number: a skip that is not a whole number of pages reads from the first item.
        var aligned = skip % limit == 0;
        var page = await inbox.ListAsync(app.Id, userId, aligned ? skip / limit + 1 : 1, aligned ? limit : skip + limit, null, null, ct);
        var items = page.Items.Skip(aligned ? 0 : skip).Take(limit);
        return TypedResults.Ok(new FrontMessagesAnswer(items.Select(i => FrontViews.Message(userId, i)).ToList(), page.TotalCount, page.UnreadCount));
    }, ct);

    public Task<Results<Ok<FrontDone>, BatchError>> ReadAsync(HttpContext http, CancellationToken ct) => WithUserAsync<FrontDone>(http, async (app, userId, body) =>
    {
        var id = body?["messageId"] is JsonValue v ? v.ToString() : null;
        return NotificationIds.TryParse(id, out var itemId) && await inbox.ChangeAsync(app.Id, userId, itemId, InboxChange.Clicked, ct)
            ? TypedResults.Ok(new FrontDone(true))
            : NotFound("Message not found");
    }, ct);

    public Task<Results<Ok<FrontDone>, BatchError>> ReadAllAsync(HttpContext http, CancellationToken ct) => WithUserAsync<FrontDone>(http, async (app, userId, _) =>
    {
        await inbox.MarkAllSeenAsync(app.Id, userId, ct);
        return TypedResults.Ok(new FrontDone(true));
    }, ct);

    public Task<Results<Ok<FrontProfileAnswer>, BatchError>> SetProfileAsync(HttpContext http, CancellationToken ct) =>
        WithUserAsync<FrontProfileAnswer>(http, async (app, userId, body) =>
    {
        if (body?["user"] is not JsonObject user) return Invalid("user must be an object");
        var (profile, error) = BatchProfileFields.Read(user, field => field);
        if (error is not null) return Invalid($"{error.Split('/')[0]} is not valid");
        var notifications = (await templates.ListAsync(app.Id, ct)).Select(Notification.From).ToDictionary(n => n.Id);
        var (mutes, problem) = FrontPreferences.Read(user["preferences"], notifications);
        if (problem is not null) return Invalid(problem);
        try
        {
            var stored = await users.UpdateAsync(app.Id, userId, row =>
            {
                row.ProfileJson = Profiles.Change(row.ProfileJson, p => Profiles.MergeInto(p, profile));
                row.MutesJson = FrontPreferences.Apply(row.MutesJson, mutes);
            }, ct);
            return TypedResults.Ok(new FrontProfileAnswer(FrontViews.User(userId, stored)));
        }
        catch (ProfileChangeRejectedException e)
        {
            return Invalid(string.Join("; ", e.Errors));
        }
        catch (UserBeingDeletedException)
        {
            return Error(StatusCodes.Status409Conflict, "User is being deleted; try again shortly");
        }
    }, ct);

    private async Task<Results<Ok<T>, BatchError>> WithUserAsync<T>(
        HttpContext http, Func<App, string, JsonNode?, Task<Results<Ok<T>, BatchError>>> handle, CancellationToken ct)
    {
        var (app, userId, body, failure) = await AuthenticateAsync(http, ct);
        if (failure is not null)
        {
            BrowserAccess.AllowUnknownCaller(http);
            return failure;
        }
        return BrowserAccess.Admit(http, app!)
            ? await handle(app!, userId!, body)
            : Error(StatusCodes.Status403Forbidden, "Origin not allowed for this project");
    }

    private async Task<(App? App, string? UserId, JsonNode? Body, BatchError? Failure)> AuthenticateAsync(HttpContext http, CancellationToken ct)
    {
        JsonNode? body = null;
        // A POST names the user in its body; some widget builds put the credentials in the query of every call.
        string? Value(string name) =>
            (body?[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null) ?? http.Request.Query[name].FirstOrDefault();
        if (!HttpMethods.IsGet(http.Request.Method))
        {
            (body, var failure) = await ReadBodyAsync(http.Request, options.Value.MaxRequestBodyBytes, ct);
            if (failure is not null) return (null, null, null, failure);
            if (body is not JsonObject) return (null, null, null, Invalid("The body must be a JSON object"));
        }
        var userId = Value("userId");
        var app = await auth.UserAsync(Value("projectId"), userId, Value("userHmac"), ct);
        return app is null ? (null, null, null, Unauthorized()) : (app, userId, body, null);
    }
}
