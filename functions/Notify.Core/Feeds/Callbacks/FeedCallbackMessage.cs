namespace Notify.Core.Feeds.Callbacks;

/// <summary>
/// On the <c>feedcallbacks</c> queue: tell the feed's callback URL that <paramref name="Iuid"/> subscribed or
/// unsubscribed. <paramref name="EventId"/> is stable across retries (the <c>webhook-id</c> derives from it);
/// <paramref name="Date"/> is when it happened, in Unix seconds; <paramref name="Attempt"/> counts from 1.
/// </summary>
public sealed record FeedCallbackMessage(string EventId, string FeedId, string Type, string Iuid, long Date, int Attempt);

/// <summary>The callback types, spelt as receivers of the seed's API match them (<c>unsubcription</c> included).</summary>
public static class FeedCallbackTypes
{
    public const string Subscription = "subscription";
    public const string Unsubscription = "unsubcription";

    public static string MessageOf(string type) => type == Subscription ? "Channel subscription." : "Channel unsubscription.";
}
