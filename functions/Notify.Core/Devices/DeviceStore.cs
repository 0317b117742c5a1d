using Azure.Data.Tables;
using Notify.Core.Storage;

namespace Notify.Core.Devices;

public static class DeviceTypes
{
    public static readonly IReadOnlyList<string> All = ["browser", "android", "ios"];
}

/// <summary>A device or app installation a user connected from, in the user's own partition.</summary>
public sealed class DeviceRow : TableRow
{
    public string DeviceId { get; set; } = "";
    public string DeviceType { get; set; } = "";
    public string? UserAgent { get; set; }
    /// <summary>The address the device connected from, and the app or OS version it reported.</summary>
    public string? Ip { get; set; }
    public string? Version { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
}

public sealed class DeviceStore(NotifyStorage storage, TimeProvider clock)
{
    private TableClient Users => storage.Table(TableNames.Users);

    /// <summary>Registers or refreshes a device; connecting again is harmless.</summary>
    public async Task<DeviceRow> RegisterAsync(string appId, string userId, string deviceId, string deviceType, string? userAgent,
        string? ip, string? version, CancellationToken ct)
    {
        var row = new DeviceRow
        {
            PartitionKey = TableKeys.User(appId, userId),
            RowKey = TableKeys.Users.Device(deviceId),
            DeviceId = deviceId,
            DeviceType = deviceType,
            UserAgent = userAgent,
            Ip = ip,
            Version = version,
            LastSeenAt = clock.GetUtcNow(),
        };
        await Users.UpsertEntityAsync(row, TableUpdateMode.Replace, ct);
        return row;
    }

    public async Task<DeviceRow?> GetAsync(string appId, string userId, string deviceId, CancellationToken ct)
    {
        var row = await Users.GetEntityIfExistsAsync<DeviceRow>(TableKeys.User(appId, userId), TableKeys.Users.Device(deviceId), cancellationToken: ct);
        return row.HasValue ? row.Value : null;
    }
}
