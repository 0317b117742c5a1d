using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Notify.Core.Devices;
using Notify.Core.Faces.Kit;
using Notify.Core.Inbox;
using static Notify.Core.Faces.V3.V3Results;

namespace Notify.Core.Faces.V3;

/// <summary>The v3 inbox: a user (or the app's backend on a user's behalf) reads and manages notifications.</summary>
public sealed class V3InboxEndpoints(V3Call call, V3Authenticator auth, InboxStore inbox, ItemShowings showings)
{
    private const int DefaultLimit = 15;
    private const int MaxLimit = 100;

    public Task<Results<Ok<V3InboxPage>, V3Error>> ListAsync(HttpRequest request, CancellationToken ct) =>
        call.RunAsync<InboxCaller, Ok<V3InboxPage>>(request, NamedUser, async caller =>
        {
            var v = new Validation();
            var pageNo = PositiveInt(v, request, "pageNo", 1, int.MaxValue / MaxLimit);
            var limit = PositiveInt(v, request, "limit", DefaultLimit, MaxLimit);
            var category = request.Query["category"].FirstOrDefault();
            var cursor = request.Query["cursor"].FirstOrDefault();
            if (!string.IsNullOrEmpty(cursor) && !InboxStore.IsCursor(cursor)) v.Add("cursor must be a nextCursor from a previous page");
            if (!v.IsValid) return Invalid(v.Errors);
            var page = await inbox.ListAsync(caller.App.Id, caller.UserId!, pageNo, limit, string.IsNullOrEmpty(category) ? null : category,
                string.IsNullOrEmpty(cursor) ? null : cursor, ct);
            await showings.RecordAsync(caller.App.Id, caller.UserId!, request.Headers[V3Headers.DeviceId].FirstOrDefault(), page.Items, ct);
            return TypedResults.Ok(new V3InboxPage(
                page.UnreadCount,
                new V3Pagination(page.TotalCount, (page.TotalCount + limit - 1) / limit, pageNo, limit, page.NextCursor),
                page.Items.Select(InboxItemView.From).ToList()));
        }, ct);

    public Task<Results<Ok<InboxItemView>, V3Error>> GetAsync(HttpRequest request, string id, CancellationToken ct) =>
        WithItemAsync<Ok<InboxItemView>>(request, id, async (appId, userId, itemId) =>
        {
            if (await inbox.GetAsync(appId, userId, itemId, ct) is not { } item) return NotFound();
            await showings.RecordAsync(appId, userId, request.Headers[V3Headers.DeviceId].FirstOrDefault(), [item], ct);
            return TypedResults.Ok(InboxItemView.From(item));
        }, ct);

    public Task<Results<Ok<V3Message>, V3Error>> DeleteAsync(HttpRequest request, string id, CancellationToken ct) =>
        ChangeAsync(request, id, InboxChange.Deleted, "Notification deleted successfully", ct);

    public Task<Results<Ok<V3Message>, V3Error>> ClickAsync(HttpRequest request, string id, CancellationToken ct) =>
        ChangeAsync(request, id, InboxChange.Clicked, "Notification marked as read", ct);

    public Task<Results<Ok<V3Message>, V3Error>> MarkUnreadAsync(HttpRequest request, string id, CancellationToken ct) =>
        ChangeAsync(request, id, InboxChange.Unread, "Notification marked as unread", ct);

    public Task<Results<Ok<V3Message>, V3Error>> MarkUnseenAsync(HttpRequest request, string id, CancellationToken ct) =>
        ChangeAsync(request, id, InboxChange.Unseen, "Notification marked as unseen", ct);

    /// <summary>The PATCH form of click: <c>{"read":true}</c> marks read, <c>{"read":false}</c> unread. The item is found before the body is read.</summary>
    public Task<Results<Ok<V3Message>, V3Error>> PatchClickAsync(HttpRequest request, string id, CancellationToken ct) =>
        WithItemAsync<Ok<V3Message>>(request, id, async (appId, userId, itemId) =>
        {
            var (flag, refusal) = await call.ReadAsync(request, ReadFlag, ct);
            if (refusal is not null) return refusal;
            return flag!.Read
                ? await ApplyAsync(appId, userId, itemId, InboxChange.Clicked, "Notification marked as read", ct)
                : await ApplyAsync(appId, userId, itemId, InboxChange.Unread, "Notification marked as unread", ct);
        }, ct);

    private sealed record ReadChange(bool Read);

    public Task<Results<Ok<V3Message>, V3Error>> MarkAllSeenAsync(HttpRequest request, CancellationToken ct) =>
        call.RunAsync<InboxCaller, Ok<V3Message>>(request, NamedUser, async caller =>
        {
            await inbox.MarkAllSeenAsync(caller.App.Id, caller.UserId!, ct);
            return V3Message.Done("All notifications marked as seen");
        }, ct);

    private Task<Authenticated<InboxCaller, V3Error>> NamedUser(HttpRequest request, CancellationToken ct) =>
        auth.InboxAsync(request, userRequired: true, ct);

    private static ReadChange? ReadFlag(Validation v, JsonNode? body)
    {
        if (body is JsonObject patch && patch["read"] is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            return new ReadChange(value.GetValue<bool>());
        v.Add("read must be a boolean value");
        return null;
    }

    private Task<Results<Ok<V3Message>, V3Error>> ChangeAsync(HttpRequest request, string id, InboxChange change, string done, CancellationToken ct) =>
        WithItemAsync<Ok<V3Message>>(request, id, (appId, userId, itemId) => ApplyAsync(appId, userId, itemId, change, done, ct), ct);

    private async Task<Results<Ok<V3Message>, V3Error>> ApplyAsync(string appId, string userId, long itemId, InboxChange change, string done, CancellationToken ct) =>
        await inbox.ChangeAsync(appId, userId, itemId, change, ct) ? V3Message.Done(done) : NotFound();

    /// <summary>Resolves the item's owner: the calling user, the user the backend named, or, for a backend naming none, the id index.</summary>
    private Task<Results<TOk, V3Error>> WithItemAsync<TOk>(HttpRequest request, string id, Func<string, string, long, Task<Results<TOk, V3Error>>> action, CancellationToken ct)
        where TOk : IResult =>
        call.RunAsync<InboxCaller, TOk>(request, (r, t) => auth.InboxAsync(r, userRequired: false, t), async caller =>
        {
            if (!NotificationIds.TryParse(id, out var itemId)) return Invalid("id must be a positive integer");
            var userId = caller.UserId ?? await inbox.FindUserAsync(caller.App.Id, itemId, ct);
            return userId is null ? NotFound() : await action(caller.App.Id, userId, itemId);
        }, ct);

    private static int PositiveInt(Validation v, HttpRequest request, string name, int fallback, int max)
    {
        var text = request.Query[name].FirstOrDefault();
        if (string.IsNullOrEmpty(text)) return fallback;
        if (!int.TryParse(text, out var value) || value < 1) v.Add($"{name} must be a positive integer");
        else if (value > max) v.Add($"{name} must not be greater than {max}");
        return value;
    }
}

public sealed record V3InboxPage(int UnreadCount, V3Pagination Pagination, IReadOnlyList<InboxItemView> Data);

/// <summary><see cref="NextCursor"/> starts the next page (as <c>cursor</c>) without reading the pages before it; null on the last page.</summary>
public sealed record V3Pagination(int TotalCount, int TotalPages, int CurrentPage, int Limit, string? NextCursor);
