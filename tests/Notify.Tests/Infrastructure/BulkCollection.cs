namespace Notify.Tests.Infrastructure;

/// <summary>
/// Tests that write tens of thousands of rows: they run alone, after the parallel tests, because on the one shared
/// Azurite they hold up every other test's storage calls for a minute and more (a browser test's click then waits
/// out its timeout).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BulkCollection
{
    public const string Name = "Bulk";
}
