using Notify.Core.Storage;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Pipeline;

public sealed class PoisonTests(NotifyServer server) : IClassFixture<NotifyServer>
{
    [Fact]
    public async Task Should_move_a_message_that_keeps_failing_to_the_poison_queue()
    {
        const string body = """{"appId":"nope","sendId":"x","chunk":"not a number"}""";
        await server.Storage.Queue(QueueNames.Deliveries).SendMessageAsync(body);

        var poison = server.Storage.Queue(QueueNames.Poison(QueueNames.Deliveries));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string? found = null;
        while (found is null && DateTime.UtcNow < deadline)
        {
            var peeked = (await poison.PeekMessagesAsync(32)).Value;
            found = peeked.Select(m => m.Body.ToString()).FirstOrDefault(b => b == body);
            if (found is null) await Task.Delay(200);
        }

        Assert.Equal(body, found);
        Assert.Empty((await server.Storage.Queue(QueueNames.Deliveries).PeekMessagesAsync(32)).Value);
    }
}
