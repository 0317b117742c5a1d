using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Notify.Core.Storage;

namespace Notify.Core.Templates;

/// <summary>A stored template: content per locale and channel, as JSON.</summary>
public sealed class TemplateRow : TableRow
{
    public string Identifier { get; set; } = "";
    public string Name { get; set; } = "";
    public string DefaultLocale { get; set; } = "en";
    public string LocalesJson { get; set; } = "{}";
    public string Version { get; set; } = "";

    /// <summary>Comma-separated channels the template notifies on, as a notification; null: those it has content for.</summary>
    public string? Channels { get; set; }

    /// <summary>How long messages with one increment id stack into one item; null for the default.</summary>
    public int? StackTimeoutSeconds { get; set; }

    /// <summary>Comma-separated channels a user may mute; null: every channel of the notification.</summary>
    public string? MutableChannels { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Template ToTemplate() => new($"{PartitionKey}/{Identifier}", Version, DefaultLocale,
        JsonSerializer.Deserialize<Dictionary<string, TemplateLocaleContent>>(LocalesJson, Json) ?? []);

    public static string Serialize(IReadOnlyDictionary<string, TemplateLocaleContent> locales) => JsonSerializer.Serialize(locales, Json);
}

public enum TemplateSaved { Saved, Clash, TooMany }

/// <summary>Templates of an app, in one small partition per app (an app has few; sends read them often).</summary>
public sealed class TemplateStore(NotifyStorage storage, TimeProvider clock)
{
    /// <summary>Templates one app may hold: creating more is refused, so listing them is one bounded read.</summary>
    public const int MaxPerApp = 500;

    private TableClient Table => storage.Table(TableNames.Templates);

    public async Task<TemplateRow?> GetAsync(string appId, string identifier, CancellationToken ct)
    {
        var row = await Table.GetEntityIfExistsAsync<TemplateRow>(TableKeys.Templates(appId), TableKeys.Template(identifier), cancellationToken: ct);
        return row.HasValue ? row.Value : null;
    }

    public async Task<IReadOnlyList<TemplateRow>> ListAsync(string appId, CancellationToken ct)
    {
        var rows = new List<TemplateRow>();
        await foreach (var row in Table.QueryAsync<TemplateRow>(TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Templates(appId)}"),
            maxPerPage: MaxPerApp, cancellationToken: ct))
            if (rows.Count < MaxPerApp) rows.Add(row);
            else break;
        return rows;
    }

    /// <summary>
    /// Creates (<paramref name="create"/>) or replaces a template. A replacement is written under the ETag of
    /// the row it replaces, so it never brings back a template deleted meanwhile, and each write bumps the version.
    /// </summary>
    public async Task<TemplateSaved> SaveAsync(string appId, TemplateRow template, bool create, CancellationToken ct)
    {
        template.PartitionKey = TableKeys.Templates(appId);
        template.RowKey = TableKeys.Template(template.Identifier);
        template.UpdatedAt = clock.GetUtcNow();
        if (create)
        {
            if (await CountAsync(appId, ct) >= MaxPerApp) return TemplateSaved.TooMany;
            template.Version = Guid.NewGuid().ToString("N");
            try
            {
                await Table.AddEntityAsync(template, ct);
                return TemplateSaved.Saved;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                return TemplateSaved.Clash;
            }
        }
        return await Optimistic.RetryAsync(async () =>
        {
            var stored = await GetAsync(appId, template.Identifier, ct);
            if (stored is null) return TemplateSaved.Clash;
            template.Version = Guid.NewGuid().ToString("N");
            await Table.UpdateEntityAsync(template, stored.ETag, TableUpdateMode.Replace, ct);
            return TemplateSaved.Saved;
        }, [412]);
    }

    /// <returns>False when there was no such template: the service answers a missing entity with 404 rather than throwing.</returns>
    public async Task<bool> DeleteAsync(string appId, string identifier, CancellationToken ct) =>
        (await Table.DeleteEntityAsync(TableKeys.Templates(appId), TableKeys.Template(identifier), ETag.All, ct)).Status != 404;

    private async Task<int> CountAsync(string appId, CancellationToken ct)
    {
        var count = 0;
        await foreach (var _ in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Templates(appId)}"),
            maxPerPage: MaxPerApp, select: ["RowKey"], cancellationToken: ct))
            if (++count >= MaxPerApp) break;
        return count;
    }
}
