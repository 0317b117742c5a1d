using Azure;
using Azure.Data.Tables;

namespace Notify.Core.Storage;

/// <summary>The four system properties every stored row has.</summary>
public abstract class TableRow : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
}
