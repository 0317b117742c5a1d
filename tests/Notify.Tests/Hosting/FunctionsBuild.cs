using System.Reflection;

namespace Notify.Tests.Hosting;

/// <summary>The build output of functions/Notify.Functions, which the test project builds before itself.</summary>
public static class FunctionsBuild
{
    public static string OutputDirectory { get; } = typeof(FunctionsBuild).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "NotifyFunctionsOutput").Value!;

    public static string MetadataPath => Path.Combine(OutputDirectory, "functions.metadata");

    public static string WorkerAssembly => Path.Combine(OutputDirectory, "Notify.Functions.dll");

    public static string ReadMetadata() =>
        File.Exists(MetadataPath)
            ? File.ReadAllText(MetadataPath)
            : throw new FileNotFoundException($"No functions.metadata at {MetadataPath}: the Functions app was not built with this configuration.");
}
