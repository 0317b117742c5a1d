using System.Text.Json;
using System.Text.Json.Nodes;
using Notify.Core.Notifications;
using Notify.Core.Preferences;

namespace Notify.Core.Faces.Batch;

/// <summary>
/// Reads <c>user.preferences</c> of <c>users.setProfile</c>: either an object keyed by notification id or an array
/// of <c>{notificationId, …}</c>, each with <c>muteWidget</c>, <c>muteEmail</c>, <c>muteSMS</c> booleans. Only
/// channels the notification lets users mute may be muted.
/// </summary>
public static class FrontPreferences
{
    public sealed record Change(string NotificationId, string Channel, bool Mute);

    public static (IReadOnlyList<Change> Changes, string? Problem) Read(JsonNode? node, IReadOnlyDictionary<string, Notification> notifications)
    {
        var entries = node switch
        {
            null => [],
            JsonObject map => map.Select(p => (Id: (string?)p.Key, Value: p.Value)).ToList(),
            JsonArray list => list.Select(e => (Id: (e?["notificationId"] as JsonValue)?.ToString(), Value: e)).ToList(),
            _ => null,
        };
        if (entries is null) return ([], "preferences must be an object or an array");
        var changes = new List<Change>();
        foreach (var (id, value) in entries)
        {
            if (id is null || !notifications.TryGetValue(id, out var notification)) return ([], $"preferences: notification {id} does not exist");
            if (value is not JsonObject settings) return ([], $"preferences.{id} must be an object");
            foreach (var (_, channel, mute) in FrontViews.Channels)
            {
                if (settings[mute] is null) continue;
                if (settings[mute] is not JsonValue flag || flag.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                    return ([], $"preferences.{id}.{mute} must be a boolean");
                var muted = flag.GetValue<bool>();
                if (muted && !notification.MutableChannels.Contains(channel)) return ([], $"preferences.{id}.{mute}: this channel cannot be muted");
                changes.Add(new Change(id, channel, muted));
            }
        }
        return (changes, null);
    }

    public static string? Apply(string? storedJson, IReadOnlyList<Change> changes)
    {
        var mutes = NotificationMutes.Parse(storedJson);
        foreach (var change in changes) mutes.Set(change.NotificationId, change.Channel, change.Mute);
        return mutes.ToJson();
    }
}
