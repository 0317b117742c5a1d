using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Notify.Tests.Infrastructure;

/// <summary>Starts the pinned npm tools (tools/package.json) on free loopback ports, installing them first if needed.</summary>
public static class LocalTool
{
    private static readonly object InstallLock = new();

    /// <param name="environment">Variables set for the tool's process alone.</param>
    public static Process Start(string tool, string arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var bin = Path.Combine(RepositoryRoot.Path, "tools", "node_modules", ".bin", tool);
        lock (InstallLock)
        {
            if (!File.Exists(bin))
                Run("npm", "ci --no-audit --no-fund --prefix tools");
        }
        var start = new ProcessStartInfo(bin, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot.Path,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(process);
        return process;
    }

    public static async Task WaitForPortAsync(int port, Process process, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"{process.StartInfo.FileName} exited with {process.ExitCode}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException($"Nothing listened on port {port} within {timeout}");
    }

    public static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static void Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { WorkingDirectory = RepositoryRoot.Path })!;
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {arguments} failed with {process.ExitCode}");
    }
}
