using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace Notify.Core.Storage;

/// <summary>
/// Reads the storage account from <c>AzureWebJobsStorage</c> exactly as the Functions host does:
/// a connection string, or identity-based <c>AzureWebJobsStorage__tableServiceUri</c> / <c>__queueServiceUri</c>.
/// </summary>
public static class StorageConnection
{
    public const string Setting = "AzureWebJobsStorage";

    /// <param name="policies">Added to every table and queue request (the benchmark counts requests with one).</param>
    public static NotifyStorage Create(IConfiguration configuration, string prefix, IEnumerable<HttpPipelinePolicy>? policies = null)
    {
        // Base64 matches the Functions queue trigger's default messageEncoding.
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        var tableOptions = new TableClientOptions();
        foreach (var policy in policies ?? [])
        {
            queueOptions.AddPolicy(policy, HttpPipelinePosition.PerCall);
            tableOptions.AddPolicy(policy, HttpPipelinePosition.PerCall);
        }
        var connectionString = configuration[Setting];
        if (!string.IsNullOrWhiteSpace(connectionString))
            return new NotifyStorage(new TableServiceClient(connectionString, tableOptions),
                new QueueServiceClient(connectionString, queueOptions), prefix);

        var section = configuration.GetSection(Setting);
        var tableUri = section["tableServiceUri"];
        var queueUri = section["queueServiceUri"];
        if (tableUri is null || queueUri is null)
            throw new InvalidOperationException(
                $"Set {Setting} to a connection string, or {Setting}__tableServiceUri and {Setting}__queueServiceUri for managed identity.");
        var credential = Credential(section["clientId"]);
        return new NotifyStorage(new TableServiceClient(new Uri(tableUri), credential, tableOptions),
            new QueueServiceClient(new Uri(queueUri), credential, queueOptions), prefix);
    }

    private static TokenCredential Credential(string? clientId) =>
        clientId is null ? new DefaultAzureCredential() : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
}
