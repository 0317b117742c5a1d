using System.Text.Json;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Notify.Core.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddNotifyCore(builder.Configuration);
// Queue triggers bind message records; the core writes them as camelCase JSON (System.Text.Json web defaults).
builder.Services.Configure<JsonSerializerOptions>(json =>
{
    json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
    json.PropertyNameCaseInsensitive = true;
});
builder.Build().Run();
