using System.Runtime.Serialization;
using Notify.Core.Storage;

namespace Notify.Core.Users;

/// <summary>
/// A user's profile and inbox counters, in the user's own partition beside the inbox items, so an
/// item and the counters it changes commit in one entity-group transaction.
/// </summary>
public sealed class UserRow : TableRow
{
    public string Identifier { get; set; } = "";
    public string ProfileJson { get; set; } = "{}";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>A row first made by a delivery has no times of its own (the delivery does not read the row): its timestamp stands in.</summary>
    [IgnoreDataMember]
    public DateTimeOffset Created => CreatedAt == default ? Timestamp ?? default : CreatedAt;

    [IgnoreDataMember]
    public DateTimeOffset Updated => UpdatedAt == default ? Timestamp ?? default : UpdatedAt;
    /// <summary>Channels the user muted per batch-API notification, as JSON (<see cref="Preferences.NotificationMutes"/>).</summary>
    public string? MutesJson { get; set; }

    /// <summary>Set when the user was deleted and their rows are being removed: every API treats them as gone.</summary>
    public bool Deleting { get; set; }

    public static UserRow New(string appId, string userId, DateTimeOffset now) => new()
    {
        PartitionKey = TableKeys.User(appId, userId),
        RowKey = TableKeys.Users.Profile,
        Identifier = userId,
        CreatedAt = now,
        UpdatedAt = now,
    };
}
