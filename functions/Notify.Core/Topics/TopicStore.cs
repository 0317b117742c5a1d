using Azure;
using Azure.Data.Tables;
using Notify.Core.Storage;

namespace Notify.Core.Topics;

/// <summary>Topic definitions. Members live in <see cref="TopicMemberStore"/>.</summary>
public sealed class TopicStore(NotifyStorage storage, TimeProvider clock)
{
    private TableClient Catalog => storage.Table(TableNames.Catalog);

    /// <returns>The new topic, or null when the identifier is taken.</returns>
    public async Task<Topic?> CreateAsync(string appId, string identifier, string name, CancellationToken ct)
    {
        var partition = TableKeys.Topics(appId);
        var id = await SequencedInsert.AddAsync(Catalog, partition, TableKeys.Catalog.Identifier(identifier), next =>
        [
            new TopicRow { PartitionKey = partition, RowKey = TableKeys.Catalog.Topic(next), Id = next, Identifier = identifier, Name = name, CreatedAt = clock.GetUtcNow() },
            new TopicIdentifierRow { PartitionKey = partition, RowKey = TableKeys.Catalog.Identifier(identifier), Id = next },
        ], ct);
        return id is null ? null : new Topic(id.Value, name, identifier);
    }

    public async Task<Topic?> GetAsync(string appId, int id, CancellationToken ct)
    {
        var row = await Catalog.GetEntityIfExistsAsync<TopicRow>(TableKeys.Topics(appId), TableKeys.Catalog.Topic(id), cancellationToken: ct);
        return row.HasValue ? Topic.From(row.Value!) : null;
    }

    public async Task<Topic?> FindByIdentifierAsync(string appId, string identifier, CancellationToken ct)
    {
        var index = await Catalog.GetEntityIfExistsAsync<TopicIdentifierRow>(
            TableKeys.Topics(appId), TableKeys.Catalog.Identifier(identifier), cancellationToken: ct);
        return index.HasValue ? await GetAsync(appId, index.Value!.Id, ct) : null;
    }

    /// <summary>Paths name a topic by id (as the vendor's clients do) or by identifier.</summary>
    public async Task<Topic?> ResolveAsync(string appId, string idOrIdentifier, CancellationToken ct) =>
        (int.TryParse(idOrIdentifier, System.Globalization.NumberStyles.None, null, out var id) ? await GetAsync(appId, id, ct) : null)
        ?? await FindByIdentifierAsync(appId, idOrIdentifier, ct);

    /// <summary>Renames under the row's ETag; a rename or delete that got in first is read again.</summary>
    public Task<Topic?> RenameAsync(string appId, int id, string name, CancellationToken ct) =>
        Optimistic.RetryAsync(async () =>
        {
            var row = await Catalog.GetEntityIfExistsAsync<TopicRow>(TableKeys.Topics(appId), TableKeys.Catalog.Topic(id), cancellationToken: ct);
            if (!row.HasValue) return null;
            row.Value!.Name = name;
            await Catalog.UpdateEntityAsync(row.Value, row.Value.ETag, TableUpdateMode.Replace, ct);
            return Topic.From(row.Value);
        }, [404, 412]);

    /// <summary>
    /// Removes the definition. Member rows of a large topic are left behind: the id is never handed
    /// out again and sends resolve topics through the definition, so they are never read again.
    /// </summary>
    public async Task<bool> DeleteAsync(string appId, int id, CancellationToken ct)
    {
        var partition = TableKeys.Topics(appId);
        var row = await Catalog.GetEntityIfExistsAsync<TopicRow>(partition, TableKeys.Catalog.Topic(id), cancellationToken: ct);
        if (!row.HasValue) return false;
        try
        {
            await Catalog.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Delete, row.Value!, ETag.All),
                new TableTransactionAction(TableTransactionActionType.Delete,
                    new TableEntity(partition, TableKeys.Catalog.Identifier(row.Value!.Identifier)), ETag.All),
            ], ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // A concurrent delete got there first.
        }
        return true;
    }
}
