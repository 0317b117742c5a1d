using Notify.Core;
using Notify.Core.Channels;

namespace Notify.Tests.Channels;

public sealed class ChannelPlannerTests
{
    private static readonly string[] InAppAndEmail = [DeliveryChannels.InApp, DeliveryChannels.Email];

    [Fact]
    public void Should_deliver_every_send_channel_when_nothing_restricts()
    {
        var plan = ChannelPlanner.Plan(InAppAndEmail, null, null);

        Assert.Equal(InAppAndEmail, plan.Deliver);
        Assert.Empty(plan.Skipped);
    }

    [Fact]
    public void Should_skip_a_channel_the_user_turned_off_and_say_why()
    {
        var plan = ChannelPlanner.Plan(InAppAndEmail, null, new Dictionary<string, bool> { [DeliveryChannels.Email] = false });

        Assert.Equal([DeliveryChannels.InApp], plan.Deliver);
        Assert.Equal([new SkippedChannel(DeliveryChannels.Email, ChannelPlanner.PreferenceReason)], plan.Skipped);
    }

    [Fact]
    public void Should_treat_an_explicitly_enabled_channel_like_an_absent_rule()
    {
        var plan = ChannelPlanner.Plan(InAppAndEmail, null, new Dictionary<string, bool> { [DeliveryChannels.InApp] = true });

        Assert.Equal(InAppAndEmail, plan.Deliver);
    }

    [Fact]
    public void Should_narrow_to_the_topic_members_channels_without_recording_a_skip()
    {
        var plan = ChannelPlanner.Plan(InAppAndEmail, [DeliveryChannels.Email, DeliveryChannels.Sms], null);

        Assert.Equal([DeliveryChannels.Email], plan.Deliver);
        Assert.Empty(plan.Skipped);
    }

    [Fact]
    public void Should_apply_preferences_after_the_topic_restriction()
    {
        var plan = ChannelPlanner.Plan(InAppAndEmail, [DeliveryChannels.InApp],
            new Dictionary<string, bool> { [DeliveryChannels.InApp] = false, [DeliveryChannels.Email] = false });

        Assert.Empty(plan.Deliver);
        Assert.Equal([new SkippedChannel(DeliveryChannels.InApp, ChannelPlanner.PreferenceReason)], plan.Skipped);
    }

    [Fact]
    public void Should_not_add_channels_the_send_does_not_target()
    {
        var plan = ChannelPlanner.Plan([DeliveryChannels.InApp], [DeliveryChannels.InApp, DeliveryChannels.Webhook], null);

        Assert.Equal([DeliveryChannels.InApp], plan.Deliver);
    }
}
