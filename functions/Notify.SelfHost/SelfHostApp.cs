using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Configuration.Memory;
using Notify.Core;
using Notify.Core.Faces.Kit;
using Notify.Core.Hosting;
using Notify.SelfHost.Queues;
using Notify.SelfHost.Timers;

namespace Notify.SelfHost;

/// <summary>
/// One ASP.NET Core process running the same endpoints, queue consumers and timers as the Functions
/// app, with the same setting names.
/// </summary>
public static class SelfHostApp
{
    /// <summary>Where the Functions host listens by default, so clients need no change between hosts.</summary>
    public const string DefaultUrl = "http://localhost:7071";

    /// <param name="configure">Runs after the default registrations, so it can replace any of them.</param>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.Sources.Insert(0, LocalSettings.Source());
        // Below every other source: request logs are noise unless someone asks for them.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = [KeyValuePair.Create("Logging:LogLevel:Microsoft.AspNetCore", (string?)"Warning")],
        });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
            builder.WebHost.UseUrls(DefaultUrl);
        var notify = builder.Configuration.GetSection(NotifyOptions.Section).Get<NotifyOptions>() ?? new NotifyOptions();
        // The endpoints enforce the body limit themselves and answer 413 in each face's dialect.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = notify.MaxRequestBodyBytes * 2L);
        builder.Services.AddNotifyCore(builder.Configuration);
        builder.Services.AddApiDocuments();
        builder.Services.AddSingleton(HostJson.ReadQueueOptions(Path.Combine(AppContext.BaseDirectory, "host.json")));
        builder.Services.AddHostedService<QueuePollers>();
        builder.Services.AddHostedService<TimerRunner>();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler(errors => errors.Run(context => UnexpectedFailure.AnswerAsync(
            context, context.Features.Get<IExceptionHandlerFeature>()?.Error, context.RequestServices.GetRequiredService<ILogger<WebApplication>>())));
        app.MapGet("health", () => TypedResults.Ok(new HealthStatus("ok"))).ExcludeFromDescription();
        app.MapApiFaces();
        app.MapDocs();
        return app;
    }
}

/// <summary>The health probe's answer.</summary>
public sealed record HealthStatus(string Status);
