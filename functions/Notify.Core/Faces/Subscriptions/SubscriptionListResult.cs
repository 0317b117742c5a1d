using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Notify.Core.Feeds;

namespace Notify.Core.Faces.Subscriptions;

/// <summary>
/// The seed's bare JSON array of a feed's subscriptions, written as storage pages arrive: the client gets one
/// array however large the feed, and the server holds one page at a time.
/// </summary>
public sealed class SubscriptionListResult(IAsyncEnumerable<SubscriptionRow> rows) : IResult
{
    private const int RowsPerFlush = 500;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task ExecuteAsync(HttpContext context)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartArray();
        var written = 0;
        await foreach (var row in rows.WithCancellation(context.RequestAborted))
        {
            JsonSerializer.Serialize(writer, SubscriptionView.From(row), Json);
            if (++written % RowsPerFlush == 0) await writer.FlushAsync(context.RequestAborted);
        }
        writer.WriteEndArray();
        await writer.FlushAsync(context.RequestAborted);
    }
}
