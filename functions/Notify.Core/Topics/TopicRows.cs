using System.Runtime.Serialization;
using Notify.Core.Storage;

namespace Notify.Core.Topics;

/// <summary>A topic's definition, in the app's small topic partition. Ids are never reused, so a deleted topic's leftovers stay inert.</summary>
public sealed class TopicRow : TableRow
{
    public int Id { get; set; }
    public string Identifier { get; set; } = "";
    public string Name { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class TopicIdentifierRow : TableRow
{
    public int Id { get; set; }
}

/// <summary>
/// One member in the topic's bucket partition; no channels means every channel the send targets. InAudience says
/// the user joined the app-wide audience before the row was written (or, in the audience's own partitions, that
/// the row is that join), so the topic's sends need not join them.
/// </summary>
public sealed class TopicMemberRow : TableRow
{
    public string UserId { get; set; } = "";
    public string? Channels { get; set; }
    public bool InAudience { get; set; }

    [IgnoreDataMember]
    public IReadOnlyList<string>? ChannelList => Channels is null ? null : DeliveryChannels.Split(Channels);
}

/// <summary>The reverse of a membership, in the user's own partition, so a user's topics are one range read.</summary>
public sealed class TopicSubscriptionRow : TableRow
{
    public int TopicId { get; set; }
    public string? Channels { get; set; }
    public DateTimeOffset SubscribedAt { get; set; }

    public static string KeyFor(int topicId) => TableKeys.TopicSubscription(topicId);
}

public sealed record Topic(int Id, string Name, string Identifier)
{
    public static Topic From(TopicRow row) => new(row.Id, row.Name, row.Identifier);
}

/// <summary>A user to add to a topic, with the channels they get through it (null: all).</summary>
public sealed record TopicMember(string UserId, IReadOnlyList<string>? Channels);

/// <summary>A member as a page of the topic read it: <see cref="TopicMemberRow.InAudience"/> included.</summary>
public sealed record StoredTopicMember(string UserId, IReadOnlyList<string>? Channels, bool InAudience);
