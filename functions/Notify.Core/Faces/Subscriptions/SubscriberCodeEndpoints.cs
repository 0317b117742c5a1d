using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Notify.Core.Feeds;

namespace Notify.Core.Faces.Subscriptions;

/// <summary>The subscriber API for codes: what a code offers, and claiming it.</summary>
public sealed class SubscriberCodeEndpoints(SubscriberGate gate, SubscriptionCodes codes, FeedStore feeds, FeedSubscriptions feedSubscriptions)
{
    public async Task<Results<Ok<CodePreview>, SubscriberError>> PreviewAsync(HttpContext context, string code, CancellationToken ct)
    {
        var (subscriberId, failure) = await gate.EnterAsync(context, "code", required: false, ct);
        if (failure is not null) return failure;
        var (row, state) = await codes.ReadAsync(code, subscriberId, ct);
        var feed = row is null ? null : await feeds.GetAsync(row.FeedId, ct);
        return feed is null ? Unusable(ClaimState.Unknown) : state switch
        {
            CodeState.Valid => TypedResults.Ok(new CodePreview(new FeedSummary(feed.Id, feed.Name), row!.ExpiresAt)),
            CodeState.Expired => Unusable(ClaimState.Expired),
            CodeState.Used => Unusable(ClaimState.Used),
            _ => Unusable(ClaimState.Unknown),
        };
    }

    public async Task<Results<Ok<ClaimAnswer>, SubscriberError>> ClaimAsync(HttpContext context, string code, CancellationToken ct)
    {
        var (subscriberId, failure) = await gate.EnterAsync(context, "claim", required: false, ct);
        if (failure is not null) return failure;
        var claim = await feedSubscriptions.ClaimAsync(code, subscriberId, ct);
        if (claim.State != ClaimState.Subscribed) return Unusable(claim.State);
        if (claim.NewCredential is { } credential) gate.Remember(context, credential);
        return TypedResults.Ok(new ClaimAnswer(SubscriberSubscriptionView.From(claim.Feed!, claim.Subscription!), claim.NewCredential?.Value));
    }

    private static SubscriberError Unusable(ClaimState state) => state switch
    {
        ClaimState.Expired => SubscriberResults.Error(StatusCodes.Status410Gone, "code_expired", "This code has expired. Ask for a new one."),
        ClaimState.Used => SubscriberResults.Error(StatusCodes.Status410Gone, "code_used", "This code has already been used. Ask for a new one."),
        _ => SubscriberResults.NotFound("This code is not valid."),
    };
}
