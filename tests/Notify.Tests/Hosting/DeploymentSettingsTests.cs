using System.Text.RegularExpressions;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Hosting;

/// <summary>The app settings the Bicep template writes, held against what the worker reads on Flex Consumption.</summary>
public sealed partial class DeploymentSettingsTests
{
    private static readonly string Infra = Path.Combine(RepositoryRoot.Path, "infra", "bicep");

    [Fact]
    public void Should_set_every_setting_the_worker_needs_and_nothing_it_refuses()
    {
        var settings = AppSettingNames();

        // Identity-based storage for the core (tables, queues), the host's queue triggers and its blob locks;
        // the operator API; ACS email with the managed identity.
        Assert.Superset(new HashSet<string>
        {
            "AzureWebJobsStorage__credential", "AzureWebJobsStorage__clientId", "AzureWebJobsStorage__blobServiceUri",
            "AzureWebJobsStorage__queueServiceUri", "AzureWebJobsStorage__tableServiceUri", "AZURE_CLIENT_ID",
            "Notify__OperatorKey", "Notify__Email__Provider", "Notify__Email__AcsEndpoint", "Notify__Email__SenderAddress",
        }, settings);
        // The worker refuses a storage prefix; Flex Consumption refuses the older runtime settings.
        Assert.DoesNotContain("Notify__StoragePrefix", settings);
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", settings);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", settings);
        Assert.DoesNotContain("WEBSITE_RUN_FROM_PACKAGE", settings);
    }

    [Fact]
    public void Should_name_the_operator_api_nowhere_by_its_old_names()
    {
        string[] places = ["README.md", "docs", "infra", "scripts", "functions", "local.settings.sample.json", "azure.yaml", "host.json"];
        var files = places.Select(p => Path.Combine(RepositoryRoot.Path, p))
            .SelectMany(p => File.Exists(p) ? [p] : Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules"))
            .Where(f => Path.GetExtension(f) is ".md" or ".bicep" or ".json" or ".sh" or ".cs" or ".yaml")
            .ToList();

        var hits = files.SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => OldOperatorName().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(RepositoryRoot.Path, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.NotEmpty(files);
        Assert.True(hits.Count == 0, "Old operator names remain:\n" + string.Join("\n", hits));
    }

    private static HashSet<string> AppSettingNames() =>
        [.. Directory.EnumerateFiles(Infra, "*.bicep", SearchOption.AllDirectories)
            .SelectMany(f => SettingName().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))];

    // Object keys that look like app settings: Section__Key…, or UPPER_CASE names.
    [GeneratedRegex(@"^\s*([A-Za-z][A-Za-z0-9]*(?:__[A-Za-z0-9]+)+|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\s*:", RegexOptions.Multiline)]
    private static partial Regex SettingName();

    [GeneratedRegex(@"AdminKey|Admin-Key|Admin__Key|[""'/]admin/|\badmin\s*API", RegexOptions.IgnoreCase)]
    private static partial Regex OldOperatorName();
}
