using System.Text.Json.Nodes;
using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Notify.Core.Apps;
using Notify.Core.Faces.Kit;
using Notify.Core.Feeds;

namespace Notify.Core.Faces.Operator;

/// <summary>The operator API for an app's feeds (the channels of the subscriptions API): CRUD and key rotation.</summary>
public sealed class FeedOperatorEndpoints(OperatorCall call, AppStore apps, FeedStore feeds)
{
    private const int MaxNameLength = 200;
    private const int MaxUrlLength = 2000;

    public Task<Results<Created<FeedView>, OperatorError>> CreateAsync(HttpRequest request, string appId, CancellationToken ct) =>
        WithAppAsync<Created<FeedView>>(request, appId, ct, async app =>
        {
            var (fields, refusal) = await call.ReadAsync(request, (v, body) =>
            {
                var fields = body as JsonObject;
                return (Name: v.String(fields, "name", MaxNameLength, required: true), CallbackUrl: CallbackUrl(v, fields));
            }, ct);
            if (refusal is not null) return refusal;
            var feed = await feeds.CreateAsync(app.Id, fields.Name!, fields.CallbackUrl, ct);
            return TypedResults.Created((string?)null, FeedView.From(feed));
        });

    public Task<Results<Ok<List<FeedView>>, OperatorError>> ListAsync(HttpRequest request, string appId, CancellationToken ct) =>
        WithAppAsync<Ok<List<FeedView>>>(request, appId, ct, async app =>
        {
            var views = new List<FeedView>();
            await foreach (var feed in feeds.ListAsync(app.Id, ct)) views.Add(FeedView.From(feed));
            return TypedResults.Ok(views);
        });

    public Task<Results<Ok<FeedView>, OperatorError>> GetAsync(HttpRequest request, string appId, string feedId, CancellationToken ct) =>
        WithFeedAsync(request, appId, feedId, ct, feed => Task.FromResult<Results<Ok<FeedView>, OperatorError>>(TypedResults.Ok(FeedView.From(feed))));

    public Task<Results<Ok<FeedView>, OperatorError>> UpdateAsync(HttpRequest request, string appId, string feedId, CancellationToken ct) =>
        WithFeedAsync(request, appId, feedId, ct, async feed =>
        {
            var (patch, refusal) = await call.ReadAsync(request, (v, body) =>
            {
                var patch = body as JsonObject;
                if (patch is null) v.Add("body must be an object");
                return (Fields: patch, Name: v.String(patch, "name", MaxNameLength), CallbackUrl: CallbackUrl(v, patch));
            }, ct);
            if (refusal is not null) return refusal;
            if (patch.Name is not null) feed.Name = patch.Name;
            if (patch.Fields!.ContainsKey("callbackUrl")) feed.CallbackUrl = patch.CallbackUrl;
            return await SaveAsync(feed, ct);
        });

    public Task<Results<NoContent, OperatorError>> DeleteAsync(HttpRequest request, string appId, string feedId, CancellationToken ct) =>
        WithAppAsync<NoContent>(request, appId, ct, async app =>
        {
            if (await feeds.GetAsync(app.Id, feedId, ct) is not { } feed) return OperatorError.NotFound("Feed not found");
            await feeds.DeleteAsync(feed, ct);
            return TypedResults.NoContent();
        });

    public Task<Results<Ok<FeedView>, OperatorError>> RotateKeyAsync(HttpRequest request, string appId, string feedId, CancellationToken ct) =>
        WithFeedAsync(request, appId, feedId, ct, feed =>
        {
            FeedStore.NewKey(feed);
            return SaveAsync(feed, ct);
        });

    public Task<Results<Ok<FeedView>, OperatorError>> RotateCallbackSecretsAsync(HttpRequest request, string appId, string feedId, CancellationToken ct) =>
        WithFeedAsync(request, appId, feedId, ct, feed =>
        {
            FeedStore.NewCallbackSecrets(feed);
            return SaveAsync(feed, ct);
        });

    /// <summary>An absolute http(s) URL, or null to have no callback.</summary>
    private static string? CallbackUrl(Validation v, JsonObject? fields)
    {
        var url = v.String(fields, "callbackUrl", MaxUrlLength);
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"))
            v.Add("callbackUrl must be an absolute http or https URL");
        return string.IsNullOrWhiteSpace(url) ? null : url;
    }

    private async Task<Results<Ok<FeedView>, OperatorError>> SaveAsync(FeedRow feed, CancellationToken ct)
    {
        try
        {
            return TypedResults.Ok(FeedView.From(await feeds.UpdateAsync(feed, ct)));
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return OperatorError.Conflict("The feed was changed by another request; try again");
        }
    }

    private Task<Results<Ok<FeedView>, OperatorError>> WithFeedAsync(
        HttpRequest request, string appId, string feedId, CancellationToken ct, Func<FeedRow, Task<Results<Ok<FeedView>, OperatorError>>> handle) =>
        WithAppAsync<Ok<FeedView>>(request, appId, ct, async app =>
            await feeds.GetAsync(app.Id, feedId, ct) is { } feed ? await handle(feed) : OperatorError.NotFound("Feed not found"));

    private Task<Results<TOk, OperatorError>> WithAppAsync<TOk>(
        HttpRequest request, string appId, CancellationToken ct, Func<App, Task<Results<TOk, OperatorError>>> handle) where TOk : IResult =>
        call.RunAsync<Operator, TOk>(request, call.Guard, async _ =>
            await apps.GetAsync(appId, ct) is { } app ? await handle(app) : OperatorError.NotFound("App not found"), ct);
}

/// <summary>
/// A feed as the operator sees it. <c>callbackAuthorization</c> is the exact <c>Authorization</c> header its callbacks
/// carry; <c>callbackSigningSecret</c> verifies their Standard Webhooks signature.
/// </summary>
public sealed record FeedView(
    string Id, string AppId, string Name, string ApiKey, string? CallbackUrl, string CallbackAuthorization, string CallbackSigningSecret,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static FeedView From(FeedRow feed) => new(
        feed.Id, feed.AppId, feed.Name, feed.ApiKey, feed.CallbackUrl, $"Basic {feed.CallbackCredential}", feed.CallbackSigningSecret,
        feed.CreatedAt, feed.UpdatedAt);
}
