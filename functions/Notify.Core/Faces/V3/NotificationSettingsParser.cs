using Notify.Core.Faces.Kit;
using System.Text.Json;
using System.Text.Json.Nodes;
using Notify.Core.Channels;
using Notify.Core.Notifications;
using Notify.Core.Templates;

namespace Notify.Core.Faces.V3;

/// <summary>
/// The settings that make a template a notification of the batch API: <c>channels</c> (inApp, email, sms),
/// <c>stackTimeoutSeconds</c> (1 s to 30 days) and <c>mutableChannels</c> (a subset of the channels).
/// </summary>
public static class NotificationSettingsParser
{
    private const int MaxStackTimeoutSeconds = 30 * 24 * 3600;

    public static void Read(Validation v, JsonObject root, TemplateRow row)
    {
        var channels = Channels(v, root, "channels");
        var mutable = Channels(v, root, "mutableChannels");
        if (channels is not null) row.Channels = DeliveryChannels.Join(channels);
        if (mutable is not null)
        {
            var allowed = channels ?? Notification.From(row).Channels;
            if (mutable.Except(allowed).FirstOrDefault() is { } stray) v.Add($"mutableChannels.{stray} is not one of the template's channels");
            row.MutableChannels = DeliveryChannels.Join(mutable);
        }
        if (root["stackTimeoutSeconds"] is { } timeout)
        {
            if (timeout is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var seconds)
                && seconds is >= 1 and <= MaxStackTimeoutSeconds)
                row.StackTimeoutSeconds = seconds;
            else
                v.Add($"stackTimeoutSeconds must be an integer between 1 and {MaxStackTimeoutSeconds}");
        }
    }

    private static List<string>? Channels(Validation v, JsonObject root, string name)
    {
        if (v.Array(root, name, Notification.Supported.Count) is not { } listed) return null;
        var channels = new List<string>();
        for (var i = 0; i < listed.Count; i++)
        {
            var channel = DeliveryChannels.Normalize(v.String(listed[i], $"{name}.{i}", 20, required: true) ?? "");
            if (channel is null || !Notification.Supported.Contains(channel))
                v.Add($"{name}.{i} must be one of the following values: {string.Join(", ", Notification.Supported)}");
            else if (!channels.Contains(channel)) channels.Add(channel);
        }
        return channels;
    }
}
