using Notify.Core.Storage;

namespace Notify.Core.Apps;

/// <summary>A tenant. Stored as one row; every other row of the service carries its id in its key.</summary>
public sealed class App : TableRow
{
    public const string PartitionName = "app";

    public App() => PartitionKey = PartitionName;

    public string Id => RowKey;
    public string Name { get; set; } = "";
    public string ApiKey { get; set; } = "";
    public string ApiSecret { get; set; } = "";
    public bool HmacRequired { get; set; }
    public bool SecureModeRequired { get; set; }
    public string? SigningPublicKeyPem { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Finds an app by its API key with one point read.</summary>
public sealed class ApiKeyIndex : TableRow
{
    public const string PartitionName = "apikey";

    public ApiKeyIndex() => PartitionKey = PartitionName;

    public string AppId { get; set; } = "";
}
