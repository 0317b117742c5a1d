using System.Text.Json;
using System.Text.Json.Nodes;

namespace Notify.Core.DeadLetters;

/// <summary>
/// A message received from a dead-letter queue and held invisible until <see cref="HeldUntil"/>: its
/// <see cref="PopReceipt"/> deletes it while no one else has received it since.
/// </summary>
public sealed record DeadLetter(string Id, string PopReceipt, string Body, DateTimeOffset? InsertedAt, long DequeueCount, DateTimeOffset? HeldUntil);

/// <summary>
/// What a dead letter is about, read from its body whatever the message shape: every pipeline message names
/// its app, most a send (a request is a send), a channel message its users, a failed delivery its attempts
/// and last error. A body that is not a JSON object is kept as text, with nothing decoded.
/// </summary>
public sealed record DeadLetterSummary(
    string? AppId, string? SendId, string? Channel, IReadOnlyList<string> Recipients, int? Attempts, string? LastError, JsonNode? Message)
{
    public static DeadLetterSummary Read(string body)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            node = null;
        }
        if (node is not JsonObject fields) return new(null, null, null, [], null, null, JsonValue.Create(body));
        var users = fields["users"] is JsonArray list ? list.Select(u => Text(u)).OfType<string>().ToList() : [];
        if (Text(fields["userId"]) is { } user) users.Add(user);
        if (Text(fields["iuid"]) is { } iuid) users.Add(iuid);
        return new(
            Text(fields["appId"]), Text(fields["sendId"]) ?? Text(fields["requestId"]), Text(fields["channel"]), users,
            fields["attempts"] is JsonValue a && a.TryGetValue<int>(out var attempts) ? attempts : null, Text(fields["lastError"]), fields);
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
