using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Notify.Core.Inbox;

namespace Notify.Core.Live;

public static class LiveServices
{
    /// <summary>Live inbox streams: the writer's listener, the watches and the tickets, with validated settings.</summary>
    public static IServiceCollection AddLiveInboxes(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LiveOptions>().Bind(configuration.GetSection(LiveOptions.Section))
            .Validate(o => o.CheckSeconds is >= 0.1 and <= 60, $"{LiveOptions.Section}:CheckSeconds must be between 0.1 and 60")
            .Validate(o => o.StreamSeconds is >= 5 and <= 3600, $"{LiveOptions.Section}:StreamSeconds must be between 5 and 3600")
            .Validate(o => o.TicketSeconds is >= 5 and <= 600, $"{LiveOptions.Section}:TicketSeconds must be between 5 and 600")
            .Validate(o => o.TicketsPerUser is >= 1 and <= 100, $"{LiveOptions.Section}:TicketsPerUser must be between 1 and 100")
            .Validate(o => o.StreamsPerUser is >= 1 and <= 100, $"{LiveOptions.Section}:StreamsPerUser must be between 1 and 100")
            .Validate(o => o.MaxStreams >= 1, $"{LiveOptions.Section}:MaxStreams must be at least 1")
            .Validate(o => o.ResumeSeconds is >= 0 and <= 3600, $"{LiveOptions.Section}:ResumeSeconds must be between 0 and 3600")
            .ValidateOnStart();
        services.AddSingleton<InboxSignals>();
        services.AddSingleton<IInboxListener>(sp => sp.GetRequiredService<InboxSignals>());
        services.AddSingleton<LiveInboxes>();
        services.AddSingleton<StreamTickets>();
        return services;
    }
}
