using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Notify.Core.Feeds;

namespace Notify.Core.Faces.Subscriptions;

/// <summary>
/// The seed's bare JSON array of a feed's subscriptions, written as storage pages arrive: the client gets one
/// array however large the feed, and the server holds one page at a time.
/// </summary>
public sealed class SubscriptionListResult(IAsyncEnumerable<SubscriptionRow> rows) : IResult, IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(IReadOnlyList<SubscriptionView>), ["application/json"]));

    private const int RowsPerFlush = 500;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task ExecuteAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        context.Response.ContentType = "application/json; charset=utf-8";
        // Over the response's pipe, the writer's own flushes only hand bytes to the pipe; the awaited flush sends them.
        var pipe = context.Response.BodyWriter;
        await using var writer = new Utf8JsonWriter(pipe);
        writer.WriteStartArray();
        var written = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            JsonSerializer.Serialize(writer, SubscriptionView.From(row), Json);
            if (++written % RowsPerFlush != 0) continue;
            writer.Flush();
            await pipe.FlushAsync(ct);
        }
        writer.WriteEndArray();
        writer.Flush();
        await pipe.FlushAsync(ct);
    }
}
