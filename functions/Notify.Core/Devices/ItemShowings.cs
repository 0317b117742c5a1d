using Notify.Core.Inbox;

namespace Notify.Core.Devices;

/// <summary>
/// An item reached a device when a registered device (one that connected through the SDK) first fetched it.
/// Recorded for items that ask for an answer (whose sender reads it back); only those without a device cost
/// a write, so an inbox shown again writes nothing, and plain inbox reads write nothing at all.
/// </summary>
public sealed class ItemShowings(DeviceStore devices, InboxAnswers answers)
{
    public async Task RecordAsync(string appId, string userId, string? deviceId, IReadOnlyList<InboxItemRow> items, CancellationToken ct)
    {
        var unmarked = items.Where(i => i.ActionsJson is not null && i.DeviceId is null).ToList();
        if (string.IsNullOrEmpty(deviceId) || unmarked.Count == 0) return;
        if (await devices.GetAsync(appId, userId, deviceId, ct) is null) return;
        await answers.MarkShownAsync(unmarked, deviceId, ct);
    }
}
