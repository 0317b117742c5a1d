namespace Notify.Tests.Hosting.Worker;

public sealed class WorkerStartupTests
{
    [Fact]
    public async Task Should_refuse_to_start_with_a_storage_prefix()
    {
        // No host listens there: the worker must stop before it ever connects.
        using var process = WorkerProcess.Start(new Uri("http://127.0.0.1:9/"), "prefix-test", new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Notify__StoragePrefix"] = "abc",
        });

        var exited = process.Exited;
        var finished = await Task.WhenAny(exited, Task.Delay(TimeSpan.FromSeconds(60)));

        Assert.True(finished == exited, "The worker did not stop within 60 s with Notify:StoragePrefix set:\n" + process.Output);
        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("Notify:StoragePrefix is set, but the Functions app does not support it", process.Output);
    }
}
