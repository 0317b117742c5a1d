using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Notify.Core.Storage;

namespace Notify.Core.Live;

/// <summary>A stream ticket as stored: when it stops being redeemable.</summary>
public sealed class StreamTicketRow : TableRow
{
    public DateTimeOffset ExpiresAt { get; set; }
}

public sealed record StreamTicket(string Value, DateTimeOffset ExpiresAt);

/// <summary>
/// Short-lived, single-use tickets that let a browser's EventSource (which cannot send headers) open a user's stream
/// without a lasting credential in its URL. A ticket lives in the user's partition under its hash, so any instance can
/// redeem it, a redemption deletes it under its ETag (a second one finds nothing), and the user's expired tickets are
/// removed whenever a new one is issued, so they never pile up.
/// </summary>
public sealed class StreamTickets(NotifyStorage storage, IOptions<LiveOptions> options, TimeProvider clock)
{
    private TableClient Users => storage.Table(TableNames.Users);

    /// <summary>A new ticket, or null when the user already holds <see cref="LiveOptions.TicketsPerUser"/> unexpired ones.</summary>
    public async Task<StreamTicket?> IssueAsync(string appId, string userId, CancellationToken ct)
    {
        var partition = TableKeys.User(appId, userId);
        var now = clock.GetUtcNow();
        var live = 0;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {TableKeys.StreamTicketPrefix} and RowKey lt {TableKeys.StreamTicketEnd}");
        await foreach (var row in Users.QueryAsync<StreamTicketRow>(filter, cancellationToken: ct))
        {
            if (row.ExpiresAt > now) live++;
            else await DeleteAsync(row, ct);
        }
        if (live >= options.Value.TicketsPerUser) return null;
        var value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var ticket = new StreamTicket(value, now.AddSeconds(options.Value.TicketSeconds));
        await Users.AddEntityAsync(new StreamTicketRow { PartitionKey = partition, RowKey = TableKeys.StreamTicket(Hash(value)), ExpiresAt = ticket.ExpiresAt }, ct);
        return ticket;
    }

    /// <summary>True once for a ticket issued to this user and not yet expired; false for anything else.</summary>
    public async Task<bool> RedeemAsync(string appId, string userId, string ticket, CancellationToken ct)
    {
        if (ticket.Length is 0 or > 100) return false;
        var stored = await Users.GetEntityIfExistsAsync<StreamTicketRow>(TableKeys.User(appId, userId), TableKeys.StreamTicket(Hash(ticket)), cancellationToken: ct);
        if (!stored.HasValue) return false;
        var row = stored.Value!;
        return await DeleteAsync(row, ct) && row.ExpiresAt > clock.GetUtcNow();
    }

    private async Task<bool> DeleteAsync(StreamTicketRow row, CancellationToken ct)
    {
        try
        {
            await Users.DeleteEntityAsync(row, row.ETag, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    private static string Hash(string ticket) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ticket)));
}
