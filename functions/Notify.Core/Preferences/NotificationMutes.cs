using System.Text.Json;

namespace Notify.Core.Preferences;

/// <summary>
/// The channels a user muted, per notification of the batch API (<c>{"invoice": ["email"]}</c>). Stored on the
/// user row, which every message reads anyway, so honouring mutes costs no extra storage request.
/// </summary>
public sealed class NotificationMutes
{
    private readonly Dictionary<string, SortedSet<string>> muted;

    private NotificationMutes(Dictionary<string, SortedSet<string>> muted) => this.muted = muted;

    public static NotificationMutes Parse(string? json) =>
        new(json is null ? [] : JsonSerializer.Deserialize<Dictionary<string, SortedSet<string>>>(json) ?? []);

    public bool IsMuted(string notificationId, string channel) => muted.TryGetValue(notificationId, out var channels) && channels.Contains(channel);

    public IEnumerable<string> Notifications => muted.Keys;

    public void Set(string notificationId, string channel, bool mute)
    {
        if (mute) (muted.TryGetValue(notificationId, out var set) ? set : muted[notificationId] = new(StringComparer.Ordinal)).Add(channel);
        else if (muted.TryGetValue(notificationId, out var set) && set.Remove(channel) && set.Count == 0) muted.Remove(notificationId);
    }

    public string? ToJson() => muted.Count == 0 ? null : JsonSerializer.Serialize(muted);
}
