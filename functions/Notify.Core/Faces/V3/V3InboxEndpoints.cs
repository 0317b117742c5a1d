using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Notify.Core.Auth;
using Notify.Core.Faces.Kit;
using Notify.Core.Inbox;
using static Notify.Core.Faces.V3.V3Results;

namespace Notify.Core.Faces.V3;

/// <summary>The v3 inbox: a user (or the app's backend on a user's behalf) reads and manages notifications.</summary>
public sealed class V3InboxEndpoints(V3Authenticator auth, InboxStore inbox, IOptions<NotifyOptions> options)
{
    private const int DefaultLimit = 15;
    private const int MaxLimit = 100;

    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken ct)
    {
        var caller = await auth.InboxAsync(request, userRequired: true, ct);
        if (caller.Failure is not null) return caller.Failure;
        var v = new Validation();
        var pageNo = PositiveInt(v, request, "pageNo", 1, int.MaxValue / MaxLimit);
        var limit = PositiveInt(v, request, "limit", DefaultLimit, MaxLimit);
        var category = request.Query["category"].FirstOrDefault();
        var cursor = request.Query["cursor"].FirstOrDefault();
        if (!string.IsNullOrEmpty(cursor) && !InboxStore.IsCursor(cursor)) v.Add("cursor must be a nextCursor from a previous page");
        if (!v.IsValid) return Invalid(v.Errors);
        var (app, userId, _) = caller.Caller!;
        var page = await inbox.ListAsync(app.Id, userId!, pageNo, limit, string.IsNullOrEmpty(category) ? null : category,
            string.IsNullOrEmpty(cursor) ? null : cursor, ct);
        return Results.Ok(new
        {
            unreadCount = page.UnreadCount,
            pagination = new
            {
                totalCount = page.TotalCount,
                totalPages = (page.TotalCount + limit - 1) / limit,
                currentPage = pageNo,
                limit,
                nextCursor = page.NextCursor,
            },
            data = page.Items.Select(InboxItemView.From),
        });
    }

    public Task<IResult> GetAsync(HttpRequest request, string id, CancellationToken ct) =>
        WithItemAsync(request, id, ct, async (appId, userId, itemId) =>
        {
            var item = await inbox.GetAsync(appId, userId, itemId, ct);
            return item is null ? NotFound() : Results.Ok(InboxItemView.From(item));
        });

    public Task<IResult> DeleteAsync(HttpRequest request, string id, CancellationToken ct) =>
        ChangeAsync(request, id, InboxChange.Deleted, "Notification deleted successfully", ct);

    public Task<IResult> ClickAsync(HttpRequest request, string id, CancellationToken ct) =>
        ChangeAsync(request, id, InboxChange.Clicked, "Notification marked as read", ct);

    public Task<IResult> MarkUnreadAsync(HttpRequest request, string id, CancellationToken ct) =>
        ChangeAsync(request, id, InboxChange.Unread, "Notification marked as unread", ct);

    public Task<IResult> MarkUnseenAsync(HttpRequest request, string id, CancellationToken ct) =>
        ChangeAsync(request, id, InboxChange.Unseen, "Notification marked as unseen", ct);

    /// <summary>The PATCH form of click: <c>{"read":true}</c> marks read, <c>{"read":false}</c> unread.</summary>
    public Task<IResult> PatchClickAsync(HttpRequest request, string id, CancellationToken ct) =>
        WithItemAsync(request, id, ct, async (appId, userId, itemId) =>
        {
            var (body, failure) = await V3Body.ReadAsync(request, options.Value.MaxRequestBodyBytes, ct);
            if (failure is not null) return failure;
            if (body is not JsonObject patch || patch["read"] is not JsonValue value || value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                return Invalid("read must be a boolean value");
            return value.GetValue<bool>()
                ? await ApplyAsync(appId, userId, itemId, InboxChange.Clicked, "Notification marked as read", ct)
                : await ApplyAsync(appId, userId, itemId, InboxChange.Unread, "Notification marked as unread", ct);
        });

    public async Task<IResult> MarkAllSeenAsync(HttpRequest request, CancellationToken ct)
    {
        var caller = await auth.InboxAsync(request, userRequired: true, ct);
        if (caller.Failure is not null) return caller.Failure;
        await inbox.MarkAllSeenAsync(caller.Caller!.App.Id, caller.Caller.UserId!, ct);
        return Results.Ok(new { statusCode = 200, message = "All notifications marked as seen" });
    }

    private Task<IResult> ChangeAsync(HttpRequest request, string id, InboxChange change, string done, CancellationToken ct) =>
        WithItemAsync(request, id, ct, (appId, userId, itemId) => ApplyAsync(appId, userId, itemId, change, done, ct));

    private async Task<IResult> ApplyAsync(string appId, string userId, long itemId, InboxChange change, string done, CancellationToken ct) =>
        await inbox.ChangeAsync(appId, userId, itemId, change, ct)
            ? Results.Ok(new { statusCode = 200, message = done })
            : NotFound();

    /// <summary>Resolves the item's owner: the calling user, the user the backend named, or, for a backend naming none, the id index.</summary>
    private async Task<IResult> WithItemAsync(HttpRequest request, string id, CancellationToken ct, Func<string, string, long, Task<IResult>> action)
    {
        var caller = await auth.InboxAsync(request, userRequired: false, ct);
        if (caller.Failure is not null) return caller.Failure;
        if (!NotificationIds.TryParse(id, out var itemId)) return Invalid("id must be a positive integer");
        var app = caller.Caller!.App;
        var userId = caller.Caller.UserId ?? await inbox.FindUserAsync(app.Id, itemId, ct);
        return userId is null ? NotFound() : await action(app.Id, userId, itemId);
    }

    private static int PositiveInt(Validation v, HttpRequest request, string name, int fallback, int max)
    {
        var text = request.Query[name].FirstOrDefault();
        if (string.IsNullOrEmpty(text)) return fallback;
        if (!int.TryParse(text, out var value) || value < 1) v.Add($"{name} must be a positive integer");
        else if (value > max) v.Add($"{name} must not be greater than {max}");
        return value;
    }
}
