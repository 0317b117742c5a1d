using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Notify.Core.Storage;

namespace Notify.Core.Categories;

/// <summary>
/// An app's categories. Every send naming a category and every preference read looks them up, so the
/// list is cached briefly; a miss by identifier reads again, so a category created on another host is
/// found at once. A deletion reaches other hosts within the cache lifetime.
/// </summary>
public sealed class CategoryStore(NotifyStorage storage, TimeProvider clock)
{
    /// <summary>Categories one app may hold: the face refuses more, so a list is one bounded read.</summary>
    public const int MaxPerApp = 1_000;
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<string, (IReadOnlyList<Category> List, DateTimeOffset Expires)> cache = new();
    private TableClient Catalog => storage.Table(TableNames.Catalog);

    public async Task<IReadOnlyList<Category>> ListAsync(string appId, CancellationToken ct)
    {
        if (cache.TryGetValue(appId, out var cached) && cached.Expires > clock.GetUtcNow())
            return cached.List;
        return await ReloadAsync(appId, ct);
    }

    public async Task<Category?> FindByIdentifierAsync(string appId, string identifier, CancellationToken ct) =>
        (await ListAsync(appId, ct)).FirstOrDefault(c => c.Identifier == identifier)
        ?? (await ReloadAsync(appId, ct)).FirstOrDefault(c => c.Identifier == identifier);

    public async Task<Category?> FindByIdAsync(string appId, int id, CancellationToken ct) =>
        (await ListAsync(appId, ct)).FirstOrDefault(c => c.Id == id)
        ?? (await ReloadAsync(appId, ct)).FirstOrDefault(c => c.Id == id);

    /// <summary>Whether the app holds <see cref="MaxPerApp"/> categories (read fresh, not from the cache).</summary>
    public async Task<bool> IsFullAsync(string appId, CancellationToken ct) => (await ReloadAsync(appId, ct)).Count >= MaxPerApp;

    /// <returns>The new category, or null when the identifier is taken.</returns>
    public async Task<Category?> CreateAsync(string appId, string identifier, string name, CancellationToken ct)
    {
        var partition = TableKeys.Categories(appId);
        var id = await SequencedInsert.AddAsync(Catalog, partition, TableKeys.Catalog.Identifier(identifier), next =>
        [
            new CategoryRow { PartitionKey = partition, RowKey = TableKeys.Catalog.Category(next), Id = next, Identifier = identifier, Name = name },
            new CategoryIdentifierRow { PartitionKey = partition, RowKey = TableKeys.Catalog.Identifier(identifier), Id = next },
        ], ct);
        cache.TryRemove(appId, out _);
        return id is null ? null : new Category(id.Value, name, identifier);
    }

    public async Task<bool> DeleteAsync(string appId, int id, CancellationToken ct)
    {
        var partition = TableKeys.Categories(appId);
        var row = await Catalog.GetEntityIfExistsAsync<CategoryRow>(partition, TableKeys.Catalog.Category(id), cancellationToken: ct);
        if (!row.HasValue) return false;
        try
        {
            await Catalog.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Delete, row.Value!, row.Value!.ETag),
                new TableTransactionAction(TableTransactionActionType.Delete,
                    new TableEntity(partition, TableKeys.Catalog.Identifier(row.Value.Identifier)), ETag.All),
            ], ct);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // A concurrent delete got there first.
        }
        cache.TryRemove(appId, out _);
        return true;
    }

    private async Task<IReadOnlyList<Category>> ReloadAsync(string appId, CancellationToken ct)
    {
        var partition = TableKeys.Categories(appId);
        var list = new List<Category>();
        await foreach (var row in Catalog.QueryAsync<CategoryRow>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {TableKeys.Catalog.CategoryPrefix} and RowKey lt {TableKeys.Catalog.CategoryEnd}"),
            maxPerPage: MaxPerApp, cancellationToken: ct))
            if (list.Count < MaxPerApp) list.Add(Category.From(row));
            else break;
        cache[appId] = (list, clock.GetUtcNow() + CacheLifetime);
        return list;
    }
}
