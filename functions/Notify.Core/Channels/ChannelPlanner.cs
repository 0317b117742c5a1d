namespace Notify.Core.Channels;

/// <summary>A channel left out for a reason worth recording as a skipped delivery.</summary>
public sealed record SkippedChannel(string Channel, string Reason);

/// <summary>Which channels one recipient of one send gets, and which were skipped.</summary>
public sealed record ChannelPlan(IReadOnlyList<string> Deliver, IReadOnlyList<SkippedChannel> Skipped)
{
    public bool Includes(string channel) => Deliver.Contains(channel);
}

/// <summary>
/// Decides one recipient's channels: those the send targets, narrowed to the channels the recipient
/// chose as a topic member (when the recipient came through a topic), minus the channels the
/// recipient turned off for the send's category. Absent preference rules mean enabled.
/// </summary>
public static class ChannelPlanner
{
    public const string PreferenceReason = "preference";

    /// <param name="sendChannels">The channels the send targets.</param>
    /// <param name="memberChannels">The recipient's channels as a topic member; null when not restricted.</param>
    /// <param name="categoryPreferences">The recipient's rules for the send's category (channel → enabled); null when none.</param>
    public static ChannelPlan Plan(
        IReadOnlyList<string> sendChannels,
        IReadOnlyCollection<string>? memberChannels,
        IReadOnlyDictionary<string, bool>? categoryPreferences)
    {
        var deliver = new List<string>();
        var skipped = new List<SkippedChannel>();
        foreach (var channel in sendChannels.Distinct())
        {
            // A channel the member did not choose was never meant for them: nothing to record.
            if (memberChannels is not null && !memberChannels.Contains(channel)) continue;
            if (categoryPreferences is not null && categoryPreferences.TryGetValue(channel, out var enabled) && !enabled)
                skipped.Add(new SkippedChannel(channel, PreferenceReason));
            else
                deliver.Add(channel);
        }
        return new ChannelPlan(deliver, skipped);
    }
}
