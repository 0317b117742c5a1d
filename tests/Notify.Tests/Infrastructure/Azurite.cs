namespace Notify.Tests.Infrastructure;

/// <summary>One in-memory Azurite for the whole test run; test classes isolate themselves with a storage prefix.</summary>
public static class Azurite
{
    // The emulator's well-known development account key, published in Azurite's documentation.
    private const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly Lazy<Task<string>> Started = new(StartAsync);

    public static Task<string> ConnectionStringAsync() => Started.Value;

    /// <summary>The loopback port of the emulator's Node inspector, when <see cref="Inspect"/> asked for one.</summary>
    public static int? InspectorPort { get; private set; }

    /// <summary>
    /// Starts the emulator with Node's inspector listening on loopback, so that the benchmark can collect the emulator's
    /// garbage between the phases it times. Must come before the emulator starts.
    /// </summary>
    public static void Inspect()
    {
        if (Started.IsValueCreated) throw new InvalidOperationException("Azurite has started already; ask for its inspector before.");
        InspectorPort ??= FreePort.Next();
    }

    /// <summary>Node's options as inherited (a heap size, say), plus the inspector on loopback.</summary>
    private static string WithInspector(int port) =>
        $"{Environment.GetEnvironmentVariable("NODE_OPTIONS")} --inspect=127.0.0.1:{port}".TrimStart();

    private static async Task<string> StartAsync()
    {
        var (blob, queue, table) = (FreePort.Next(), FreePort.Next(), FreePort.Next());
        var process = LocalTool.Start("azurite",
            $"--inMemoryPersistence --skipApiVersionCheck --disableTelemetry --silent " +
            $"--blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 --blobPort {blob} --queuePort {queue} --tablePort {table}",
            InspectorPort is { } inspector ? new Dictionary<string, string> { ["NODE_OPTIONS"] = WithInspector(inspector) } : null);
        foreach (var port in new[] { blob, queue, table })
            await LocalTool.WaitForPortAsync(port, process, TimeSpan.FromSeconds(60));
        return "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
               $"AccountKey={DevelopmentAccountKey};" +
               $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;" +
               $"QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;" +
               $"TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";
    }
}
