using Notify.Core.Inbox;

namespace Notify.Core.Devices;

/// <summary>
/// An item reached a device when a registered device (one that connected through the SDK) first fetched it.
/// Only items without a device cost a write, so an inbox shown again writes nothing.
/// </summary>
public sealed class ItemShowings(DeviceStore devices, InboxAnswers answers)
{
    public async Task RecordAsync(string appId, string userId, string? deviceId, IReadOnlyList<InboxItemRow> items, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(deviceId) || items.All(i => i.DeviceId is not null)) return;
        if (await devices.GetAsync(appId, userId, deviceId, ct) is null) return;
        await answers.MarkShownAsync(items, deviceId, ct);
    }
}
