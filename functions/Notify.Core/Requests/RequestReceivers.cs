using Notify.Core.Channels;
using Notify.Core.Deliveries;
using Notify.Core.Devices;
using Notify.Core.Inbox;
using Notify.Core.Sends;
using Notify.Core.Users;

namespace Notify.Core.Requests;

/// <summary>One receiver's item: its id, and what the user did with it (null state: not in the inbox any more, as after user deletion).</summary>
public sealed record Receiver(string UserId, long ItemId, ItemState? State, UserRow? User, DeviceRow? Device);

public sealed record ReceiverPage(int Total, IReadOnlyList<Receiver> Receivers);

/// <summary>
/// The receivers a request reached, page by page: the users whose in-app delivery is recorded as sent (the
/// audience of a broadcast or a group is only known once delivered), each read from their own inbox.
/// </summary>
public sealed class RequestReceivers(DeliveryStore deliveries, InboxAnswers answers, UserStore users, DeviceStore devices)
{
    private const int ScanPageSize = 1_000;

    public async Task<ReceiverPage> PageAsync(SendRow send, int skip, int take, CancellationToken ct)
    {
        var userIds = new List<string>(take);
        var total = 0;
        await foreach (var row in deliveries.QueryUsers(send.AppId, send.SendId, DeliveryChannels.InApp, DeliveryStatus.Sent, ScanPageSize, ct))
        {
            if (total >= skip && userIds.Count < take) userIds.Add(row.UserId);
            total++;
        }
        var receivers = await Task.WhenAll(userIds.Select(userId => ReadAsync(send, userId, ct)));
        return new ReceiverPage(total, receivers);
    }

    private async Task<Receiver> ReadAsync(SendRow send, string userId, CancellationToken ct)
    {
        var itemId = send.ItemIdFor(userId);
        var state = answers.ReadStateAsync(send.AppId, userId, itemId, ct);
        var user = users.GetAsync(send.AppId, userId, ct);
        var device = (await state)?.DeviceId is { } deviceId ? await devices.GetAsync(send.AppId, userId, deviceId, ct) : null;
        return new Receiver(userId, itemId, await state, await user, device);
    }
}
