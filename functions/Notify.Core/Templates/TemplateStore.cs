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

/// <summary>Templates of an app, in one small partition per app (an app has few; sends read them often).</summary>
public sealed class TemplateStore(NotifyStorage storage, TimeProvider clock)
{
    private TableClient Table => storage.Table(TableNames.Templates);

    public async Task<TemplateRow?> GetAsync(string appId, string identifier, CancellationToken ct)
    {
        var row = await Table.GetEntityIfExistsAsync<TemplateRow>(appId, TableKeys.Template(identifier), cancellationToken: ct);
        return row.HasValue ? row.Value : null;
    }

    public async Task<IReadOnlyList<TemplateRow>> ListAsync(string appId, CancellationToken ct)
    {
        var rows = new List<TemplateRow>();
        await foreach (var row in Table.QueryAsync<TemplateRow>(TableClient.CreateQueryFilter($"PartitionKey eq {appId}"), cancellationToken: ct))
            rows.Add(row);
        return rows;
    }

    /// <summary>Creates (<paramref name="create"/>) or replaces a template; false when that clashes with what is stored.</summary>
    public async Task<bool> SaveAsync(string appId, TemplateRow template, bool create, CancellationToken ct)
    {
        template.PartitionKey = appId;
        template.RowKey = TableKeys.Template(template.Identifier);
        template.Version = Guid.NewGuid().ToString("N");
        template.UpdatedAt = clock.GetUtcNow();
        try
        {
            if (create) await Table.AddEntityAsync(template, ct);
            else await Table.UpdateEntityAsync(template, ETag.All, TableUpdateMode.Replace, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 409)
        {
            return false;
        }
    }

    public async Task<bool> DeleteAsync(string appId, string identifier, CancellationToken ct)
    {
        try
        {
            await Table.DeleteEntityAsync(appId, TableKeys.Template(identifier), ETag.All, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }
}
