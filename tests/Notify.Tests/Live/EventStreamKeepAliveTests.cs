using System.Text;
using Microsoft.AspNetCore.Http;
using Notify.Core.Faces.Kit;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Live;

public sealed class EventStreamKeepAliveTests
{
    private const string KeepAliveLine = ": keep-alive\n\n";
    private readonly TestClock clock = new();
    private readonly MemoryStream body = new();
    private readonly EventStream stream;

    public EventStreamKeepAliveTests()
    {
        var context = new DefaultHttpContext();
        context.Response.Body = body;
        stream = new EventStream(context.Response, clock);
    }

    private string Written => Encoding.UTF8.GetString(body.ToArray());

    [Fact]
    public async Task Should_write_a_keep_alive_only_once_the_stream_has_been_quiet_long_enough()
    {
        await stream.StartAsync(TimeSpan.FromSeconds(3), CancellationToken.None);
        clock.Advance(EventStream.KeepAlive - TimeSpan.FromSeconds(1));
        await stream.KeepAliveIfQuietAsync(CancellationToken.None);
        Assert.DoesNotContain(KeepAliveLine, Written);

        clock.Advance(TimeSpan.FromSeconds(1));
        await stream.KeepAliveIfQuietAsync(CancellationToken.None);
        Assert.EndsWith(KeepAliveLine, Written);
    }

    [Fact]
    public async Task Should_count_quiet_time_from_the_last_event_sent()
    {
        await stream.StartAsync(TimeSpan.FromSeconds(3), CancellationToken.None);
        clock.Advance(EventStream.KeepAlive - TimeSpan.FromSeconds(2));
        await stream.SendAsync("ready", new { }, null, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(10));

        // 15 s since the event less the 10 s gone, less the moments the test itself took.
        Assert.InRange(stream.UntilKeepAlive, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5));
        await stream.KeepAliveIfQuietAsync(CancellationToken.None);
        Assert.DoesNotContain(KeepAliveLine, Written);
    }

    [Fact]
    public async Task Should_never_wait_longer_than_the_interval_when_the_clock_goes_back()
    {
        await stream.StartAsync(TimeSpan.FromSeconds(3), CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(-5));

        Assert.Equal(EventStream.KeepAlive, stream.UntilKeepAlive);
    }

    [Fact]
    public async Task Should_wait_a_whole_interval_again_after_a_keep_alive()
    {
        await stream.StartAsync(TimeSpan.FromSeconds(3), CancellationToken.None);
        clock.Advance(EventStream.KeepAlive);
        await stream.KeepAliveIfQuietAsync(CancellationToken.None);
        await stream.KeepAliveIfQuietAsync(CancellationToken.None);

        Assert.Equal(1, Written.Split(KeepAliveLine).Length - 1);
    }
}
