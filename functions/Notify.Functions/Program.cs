using System.Text.Json;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Notify.Core;
using Notify.Core.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
// Queue triggers listen on the plain names of QueueNames, fixed in functions.metadata at build time, while a prefix
// would make the core write to other queues: work would be accepted and never handled. Refuse rather than lose it.
if (!string.IsNullOrEmpty(builder.Configuration[$"{NotifyOptions.Section}:{nameof(NotifyOptions.StoragePrefix)}"]))
    throw new InvalidOperationException(
        "Notify:StoragePrefix is set, but the Functions app does not support it: its queue triggers listen on the " +
        "unprefixed queue names. Remove the setting (Notify__StoragePrefix) or give this app a storage account of its own.");
builder.ConfigureFunctionsWebApplication();
builder.Services.AddNotifyCore(builder.Configuration);
// Hosted services start in order: tables and queues exist before the worker connects to the host and is sent work.
var storageInitializer = builder.Services.Single(d => d.ImplementationType == typeof(StorageInitializer));
builder.Services.Remove(storageInitializer);
builder.Services.Insert(0, storageInitializer);
// Queue triggers bind message records; the core writes them as camelCase JSON (System.Text.Json web defaults).
builder.Services.Configure<JsonSerializerOptions>(json =>
{
    json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
    json.PropertyNameCaseInsensitive = true;
});
builder.Build().Run();
