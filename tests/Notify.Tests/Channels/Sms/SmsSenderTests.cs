using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Notify.Core.Channels;
using Notify.Core.Channels.Email.Acs;
using Notify.Core.Channels.Sms;

namespace Notify.Tests.Channels.Sms;

public sealed class SmsSenderTests
{
    [Fact]
    public async Task Should_send_a_retried_delivery_with_the_same_repeatability_keys_so_acs_texts_once()
    {
        await using var acs = await AcsSmsContractEndpoint.StartAsync();
        using var http = new HttpClient();
        var sender = new AcsSmsSender(http, AcsConnection.FromConnectionString(acs.ConnectionString, TimeProvider.System), "+18005550100", false, TimeProvider.System);
        var message = new SmsMessage("app:send:user:sms", "+14155550123", "Hello", DateTimeOffset.UtcNow.AddMinutes(-3));

        var first = await sender.SendAsync(message, CancellationToken.None);
        var retry = await sender.SendAsync(message, CancellationToken.None);
        var other = await sender.SendAsync(message with { DeliveryId = "app:send:other:sms" }, CancellationToken.None);

        Assert.IsType<ChannelOutcome.Sent>(first);
        Assert.IsType<ChannelOutcome.Sent>(retry);
        Assert.IsType<ChannelOutcome.Sent>(other);
        Assert.Equal(2, acs.Texted.Count);
        Assert.Equal(DeliveryKeys.Uuid("app:send:user:sms").ToString(), acs.Texted.First().RequestId);
        Assert.Empty(acs.Violations);
    }

    [Theory]
    [InlineData("+14155550500", typeof(ChannelOutcome.RetryLater))]
    [InlineData("+14155550429", typeof(ChannelOutcome.RetryLater))]
    [InlineData("+14155550400", typeof(ChannelOutcome.Failed))]
    public async Task Should_classify_provider_answers(string to, Type expected)
    {
        await using var acs = await AcsSmsContractEndpoint.StartAsync();
        using var http = new HttpClient();
        var sender = new AcsSmsSender(http, AcsConnection.FromConnectionString(acs.ConnectionString, TimeProvider.System), "+18005550100", false, TimeProvider.System);

        var outcome = await sender.SendAsync(new SmsMessage("d", to, "x", DateTimeOffset.UtcNow), CancellationToken.None);

        Assert.IsType(expected, outcome);
        if (to.EndsWith("0429")) Assert.Equal((TimeSpan.FromSeconds(3), true), (((ChannelOutcome.RetryLater)outcome).RetryAfter!.Value, ((ChannelOutcome.RetryLater)outcome).Throttled));
    }

    [Fact]
    public async Task Should_write_each_sms_as_a_json_line_to_the_development_outbox()
    {
        var path = Path.Combine(Path.GetTempPath(), $"notify-sms-{Guid.NewGuid():N}", "outbox.jsonl");
        var outbox = new DevelopmentSmsOutbox(path, TimeProvider.System, NullLogger<DevelopmentSmsOutbox>.Instance);

        await outbox.SendAsync(new SmsMessage("a", "+14155550123", "First", DateTimeOffset.UtcNow), CancellationToken.None);
        await outbox.SendAsync(new SmsMessage("b", "+14155550124", "Second\nline", DateTimeOffset.UtcNow), CancellationToken.None);

        var lines = (await File.ReadAllLinesAsync(path)).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal([("+14155550123", "First"), ("+14155550124", "Second\nline")], lines.Select(l => ((string)l["to"]!, (string)l["text"]!)));
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }
}
