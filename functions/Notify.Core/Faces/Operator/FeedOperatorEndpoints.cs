using System.Text.Json.Nodes;
using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Notify.Core.Apps;
using Notify.Core.Faces.Kit;
using Notify.Core.Faces.V3;
using Notify.Core.Feeds;
using static Notify.Core.Faces.V3.V3Results;

namespace Notify.Core.Faces.Operator;

/// <summary>The operator API for an app's feeds (the channels of the subscriptions API): CRUD and key rotation.</summary>
public sealed class FeedOperatorEndpoints(AppStore apps, FeedStore feeds, IOptions<NotifyOptions> options)
{
    private const int MaxNameLength = 200;
    private const int MaxUrlLength = 2000;

    public Task<IResult> CreateAsync(HttpRequest request, string appId, CancellationToken ct) =>
        WithAppAsync(request, appId, ct, async app =>
        {
            var (body, failure) = await ReadAsync(request, ct);
            if (failure is not null) return failure;
            var v = new Validation();
            var fields = body as JsonObject;
            var name = v.String(fields, "name", MaxNameLength, required: true);
            var callbackUrl = CallbackUrl(v, fields);
            if (!v.IsValid) return Invalid(v.Errors);
            var feed = await feeds.CreateAsync(app.Id, name!, callbackUrl, ct);
            return Results.Json(FeedView.From(feed), statusCode: StatusCodes.Status201Created);
        });

    public Task<IResult> ListAsync(HttpRequest request, string appId, CancellationToken ct) =>
        WithAppAsync(request, appId, ct, async app =>
        {
            var views = new List<FeedView>();
            await foreach (var feed in feeds.ListAsync(app.Id, ct)) views.Add(FeedView.From(feed));
            return Results.Ok(views);
        });

    public Task<IResult> GetAsync(HttpRequest request, string appId, string feedId, CancellationToken ct) =>
        WithFeedAsync(request, appId, feedId, ct, feed => Task.FromResult(Results.Ok(FeedView.From(feed))));

    public Task<IResult> UpdateAsync(HttpRequest request, string appId, string feedId, CancellationToken ct) =>
        WithFeedAsync(request, appId, feedId, ct, async feed =>
        {
            var (body, failure) = await ReadAsync(request, ct);
            if (failure is not null) return failure;
            var v = new Validation();
            var patch = body as JsonObject;
            if (patch is null) v.Add("body must be an object");
            var name = v.String(patch, "name", MaxNameLength);
            var callbackUrl = CallbackUrl(v, patch);
            if (!v.IsValid) return Invalid(v.Errors);
            if (name is not null) feed.Name = name;
            if (patch!.ContainsKey("callbackUrl")) feed.CallbackUrl = callbackUrl;
            return await SaveAsync(feed, ct);
        });

    public Task<IResult> DeleteAsync(HttpRequest request, string appId, string feedId, CancellationToken ct) =>
        WithFeedAsync(request, appId, feedId, ct, async feed =>
        {
            await feeds.DeleteAsync(feed, ct);
            return Results.NoContent();
        });

    public Task<IResult> RotateKeyAsync(HttpRequest request, string appId, string feedId, CancellationToken ct) =>
        WithFeedAsync(request, appId, feedId, ct, feed =>
        {
            FeedStore.NewKey(feed);
            return SaveAsync(feed, ct);
        });

    public Task<IResult> RotateCallbackSecretsAsync(HttpRequest request, string appId, string feedId, CancellationToken ct) =>
        WithFeedAsync(request, appId, feedId, ct, feed =>
        {
            FeedStore.NewCallbackSecrets(feed);
            return SaveAsync(feed, ct);
        });

    private async Task<(JsonNode? Body, IResult? Failure)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var body = await JsonBodyReader.ReadAsync(request, options.Value.MaxRequestBodyBytes, ct);
        return body.Problem switch
        {
            BodyProblem.TooLarge => (null, OperatorError.BodyTooLarge()),
            BodyProblem.Malformed => (null, OperatorError.BodyMalformed()),
            _ => (body.Node, null),
        };
    }

    /// <summary>An absolute http(s) URL, or null to have no callback.</summary>
    private static string? CallbackUrl(Validation v, JsonObject? fields)
    {
        var url = v.String(fields, "callbackUrl", MaxUrlLength);
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"))
            v.Add("callbackUrl must be an absolute http or https URL");
        return string.IsNullOrWhiteSpace(url) ? null : url;
    }

    private async Task<IResult> SaveAsync(FeedRow feed, CancellationToken ct)
    {
        try
        {
            return Results.Ok(FeedView.From(await feeds.UpdateAsync(feed, ct)));
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return Error(StatusCodes.Status409Conflict, "The feed was changed by another request; try again");
        }
    }

    private Task<IResult> WithFeedAsync(HttpRequest request, string appId, string feedId, CancellationToken ct, Func<FeedRow, Task<IResult>> handle) =>
        WithAppAsync(request, appId, ct, async app =>
            await feeds.GetAsync(app.Id, feedId, ct) is { } feed ? await handle(feed) : NotFound("Feed not found"));

    private async Task<IResult> WithAppAsync(HttpRequest request, string appId, CancellationToken ct, Func<App, Task<IResult>> handle)
    {
        var key = options.Value.OperatorKey;
        if (string.IsNullOrEmpty(key)) return Results.NotFound();
        if (!Secrets.AreEqual(request.Headers[OperatorEndpoints.KeyHeader].FirstOrDefault(), key)) return Unauthorized("Invalid operator key");
        return await apps.GetAsync(appId, ct) is { } app ? await handle(app) : NotFound("App not found");
    }
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
