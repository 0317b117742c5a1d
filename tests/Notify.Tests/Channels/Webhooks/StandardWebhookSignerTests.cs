using Notify.Core.Channels.Webhooks;

namespace Notify.Tests.Channels.Webhooks;

public sealed class StandardWebhookSignerTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const string Body = """{"test": 2432232314}""";
    private const string Expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1614265330);

    [Fact]
    public void Should_match_the_standard_webhooks_test_vector_when_signing() =>
        Assert.Equal(Expected, StandardWebhookSigner.Sign(Secret, Id, 1614265330, Body));

    [Fact]
    public void Should_verify_when_one_of_several_signatures_matches() =>
        Assert.True(StandardWebhookSigner.Verify(Secret, Id, "1614265330", Body, $"v1,bm90IGl0 {Expected}", SignedAt.AddMinutes(1)));

    [Theory]
    [InlineData("""{"test": 2432232315}""", 0)]
    [InlineData("""{"test": 2432232314}""", 6)]
    [InlineData("""{"test": 2432232314}""", -6)]
    public void Should_reject_when_body_is_altered_or_timestamp_is_outside_tolerance(string body, int minutesLater) =>
        Assert.False(StandardWebhookSigner.Verify(Secret, Id, "1614265330", body, Expected, SignedAt.AddMinutes(minutesLater)));

    [Fact]
    public void Should_generate_prefixed_32_byte_secrets_that_differ()
    {
        var first = StandardWebhookSigner.GenerateSecret();
        var second = StandardWebhookSigner.GenerateSecret();

        Assert.StartsWith("whsec_", first);
        Assert.Equal(32, Convert.FromBase64String(first["whsec_".Length..]).Length);
        Assert.NotEqual(first, second);
    }
}
