using System.Collections.Concurrent;
using System.Diagnostics;

namespace Notify.Tests.Hosting.Worker;

/// <summary>
/// The built Functions worker (<c>dotnet Notify.Functions.dll</c>) started the way the Functions host starts it:
/// the host's gRPC address and ids on the command line, the app directory in the environment. Its output is kept
/// for failure messages; the process is killed on dispose.
/// </summary>
public sealed class WorkerProcess : IDisposable
{
    private const int KeptLines = 200;
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private WorkerProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // A test run that ends without disposing (a crash, a cancelled run) must not leave the worker behind.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Kill();
    }

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>The last lines the worker wrote to stdout and stderr.</summary>
    public string Output => string.Join("\n", output);

    public Task Exited => process.WaitForExitAsync();

    public static WorkerProcess Start(Uri hostEndpoint, string workerId, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = FunctionsBuild.OutputDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])
                 [
                     FunctionsBuild.WorkerAssembly,
                     "--functions-uri", hostEndpoint.ToString(),
                     "--functions-worker-id", workerId,
                     "--functions-request-id", Guid.NewGuid().ToString(),
                     "--functions-grpc-max-message-length", int.MaxValue.ToString(),
                 ])
            start.ArgumentList.Add(argument);
        start.Environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        start.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = FunctionsBuild.OutputDirectory;
        start.Environment["FUNCTIONS_WORKER_DIRECTORY"] = FunctionsBuild.OutputDirectory;
        // Settings of the test process must not leak into the worker's configuration.
        start.Environment.Remove("ASPNETCORE_URLS");
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet " + FunctionsBuild.WorkerAssembly);
        return new WorkerProcess(process);
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    private void Kill()
    {
        try
        {
            if (process.HasExited) return;
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5_000);
        }
        catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
        {
            // Already gone, or already disposed.
        }
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        output.Enqueue(line);
        while (output.Count > KeptLines) output.TryDequeue(out _);
    }
}
