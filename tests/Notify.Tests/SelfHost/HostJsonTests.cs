using Notify.SelfHost.Queues;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.SelfHost;

public sealed class HostJsonTests
{
    [Fact]
    public void Should_read_the_queue_settings_of_the_repository_host_json()
    {
        var options = HostJson.ReadQueueOptions(Path.Combine(RepositoryRoot.Path, "host.json"));

        Assert.Equal(new QueueHostOptions
        {
            BatchSize = 4,
            NewBatchThreshold = 2,
            MaxPollingInterval = TimeSpan.FromSeconds(2),
            VisibilityTimeout = TimeSpan.FromSeconds(10),
            MaxDequeueCount = 5,
        }, options);
    }

    [Fact]
    public void Should_fall_back_to_the_functions_defaults_without_a_queues_section()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, """{ "version": "2.0" }""");

        Assert.Equal(new QueueHostOptions(), HostJson.ReadQueueOptions(path));
        File.Delete(path);
    }
}
