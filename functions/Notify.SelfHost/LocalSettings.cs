using System.Text.Json;
using Microsoft.Extensions.Configuration.Memory;

namespace Notify.SelfHost;

/// <summary>
/// Reads <c>local.settings.json</c> <c>Values</c>, as <c>func start</c> does, beneath environment
/// variables and the command line.
/// </summary>
public static class LocalSettings
{
    public const string FileName = "local.settings.json";

    public static MemoryConfigurationSource Source()
    {
        var path = new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory }
            .Select(dir => Path.Combine(dir, FileName))
            .FirstOrDefault(File.Exists);
        return new MemoryConfigurationSource { InitialData = path is null ? [] : Read(path) };
    }

    private static IEnumerable<KeyValuePair<string, string?>> Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!document.RootElement.TryGetProperty("Values", out var values))
            return [];
        return values.EnumerateObject()
            .Select(p => KeyValuePair.Create(p.Name.Replace("__", ":"), p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText()))
            .ToList();
    }
}
