using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Notify.Core.DeadLetters;

namespace Notify.Core.Faces.Operator;

/// <summary>
/// What a listing hands out to act on one dead letter later: a queue message cannot be read by id, so the
/// ticket carries the letter's receipt and body, signed with the operator key so that only letters this
/// service listed are replayed. It works while the listing's hold lasts and no one has received the letter since.
/// </summary>
public static class DeadLetterTicket
{
    private sealed record Payload(string Queue, string Id, string Receipt, string Body);

    public static string Issue(string key, DeadLetterQueue queue, DeadLetter letter)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Payload(queue.Name, letter.Id, letter.PopReceipt, letter.Body));
        return $"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(Sign(key, payload))}";
    }

    /// <summary>The letter the ticket names, when it is this service's ticket for that queue and message id.</summary>
    public static DeadLetter? Read(string key, DeadLetterQueue queue, string messageId, string ticket)
    {
        var parts = ticket.Split('.');
        if (parts.Length != 2) return null;
        try
        {
            var payload = Base64Url.DecodeFromChars(parts[0]);
            if (!CryptographicOperations.FixedTimeEquals(Sign(key, payload), Base64Url.DecodeFromChars(parts[1]))) return null;
            var read = JsonSerializer.Deserialize<Payload>(payload);
            return read is not null && read.Queue == queue.Name && read.Id == messageId
                ? new DeadLetter(read.Id, read.Receipt, read.Body, null, 0, null)
                : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    private static byte[] Sign(string key, byte[] payload) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes("dead-letter-ticket:" + key), payload);
}
