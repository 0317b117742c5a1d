using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Notify.Core.Inbox;
using Notify.Core.Messages;
using Notify.Core.Pipeline;

namespace Notify.Core.Faces.Batch;

public static class BatchFaceServices
{
    /// <summary>The batch face and the domain pieces only it uses so far: messages, inbox stacks, immediate channel delivery.</summary>
    public static IServiceCollection AddBatchFace(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MessageOptions>().Bind(configuration.GetSection(MessageOptions.Section))
            .Validate(o => o.ChannelWaitSeconds is > 0 and <= 60, $"{MessageOptions.Section}:ChannelWaitSeconds must be between 0 and 60")
            .Validate(o => o.Parallelism is > 0 and <= 64, $"{MessageOptions.Section}:Parallelism must be between 1 and 64")
            .ValidateOnStart();
        services.AddSingleton<InboxStacks>();
        services.AddSingleton<InAppMessages>();
        services.AddSingleton<ImmediateChannelDelivery>();
        services.AddSingleton<MessageService>();
        services.AddSingleton<BatchAuthenticator>();
        services.AddSingleton<BatchEndpoints>();
        services.AddSingleton<FrontEndpoints>();
        return services;
    }
}
