using Notify.Core.Channels;

namespace Notify.Tests.Channels;

public sealed class DeliveryKeysTests
{
    [Fact]
    public void Should_give_the_same_uuid_when_the_delivery_id_repeats()
    {
        Assert.Equal(DeliveryKeys.Uuid("send-1/user-7/email"), DeliveryKeys.Uuid("send-1/user-7/email"));
        Assert.NotEqual(DeliveryKeys.Uuid("send-1/user-7/email"), DeliveryKeys.Uuid("send-1/user-8/email"));
    }

    [Fact]
    public void Should_mark_the_uuid_as_rfc_9562_version_8_when_derived()
    {
        var text = DeliveryKeys.Uuid("send-1/user-7/email").ToString();

        Assert.Equal('8', text[14]);
        Assert.Contains(text[19], "89ab");
    }
}
