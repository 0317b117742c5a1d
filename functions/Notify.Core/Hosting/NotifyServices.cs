using Azure.Core.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Notify.Core.Faces.Batch;
using Notify.Core.Faces.Kit;
using Notify.Core.Faces.Operator;
using Notify.Core.Faces.Subscriptions;
using Notify.Core.Faces.Status;
using Notify.Core.Apps;
using Notify.Core.Auth;
using Notify.Core.Categories;
using Notify.Core.Deliveries;
using Notify.Core.Devices;
using Notify.Core.Inbox;
using Notify.Core.Live;
using Notify.Core.Pipeline;
using Notify.Core.Preferences;
using Notify.Core.RateLimits;
using Notify.Core.Scheduling;
using Notify.Core.Sends;
using Notify.Core.Storage;
using Notify.Core.Topics;
using Notify.Core.Users;
using Notify.Core.Faces.V3;
using Notify.Core.Workflows;

namespace Notify.Core.Hosting;

public static class NotifyServices
{
    /// <summary>Registers the whole core; the Functions app and the self-host both call exactly this.</summary>
    public static IServiceCollection AddNotifyCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotifyOptions>().Bind(configuration.GetSection(NotifyOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotifyOptions>, NotifyOptionsValidator>();
        services.AddSingleton(TimeProvider.System);
        services.AddHostedService<StorageInitializer>();
        services.AddSingleton(sp => StorageConnection.Create(configuration, sp.GetRequiredService<IOptions<NotifyOptions>>().Value.StoragePrefix,
            sp.GetServices<HttpPipelinePolicy>()));

        services.AddSingleton<AppStore>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<InboxCounters>();
        services.AddSingleton<InboxStore>();
        services.AddSingleton<InboxWriter>();
        services.AddSingleton<SendStore>();
        services.AddSingleton<SendCommitter>();
        services.AddSingleton<DeliveryStore>();
        services.AddSingleton<TallyFolder>();
        services.AddSingleton<SendService>();
        services.AddSingleton<CategoryStore>();
        services.AddSingleton<PreferenceStore>();
        services.AddSingleton<TopicStore>();
        services.AddSingleton<TopicMemberStore>();
        services.AddSingleton<DeviceStore>();
        services.AddSingleton<ScheduleStore>();
        services.AddSingleton<WorkflowRunStore>();
        services.AddSingleton<WorkflowCancellation>();
        services.AddSingleton<UserTokenValidator>();

        services.AddSingleton<SendHandler>();
        services.AddSingleton<RecipientDelivery>();
        services.AddSingleton<DeliveryHandler>();
        services.AddSingleton<TopicPageHandler>();
        services.AddSingleton<UserDeletionHandler>();
        services.AddSingleton<ScheduleReleaseJob>();
        services.AddSingleton<PipelineQueues>();
        services.AddSingleton<IDueSendQueue>(sp => sp.GetRequiredService<PipelineQueues>());
        services.AddSingleton<IReleasedDeliveryQueue>(sp => sp.GetRequiredService<PipelineQueues>());

        services.AddSingleton(sp => new ApiDispatcher(ApiFaces.All, sp));
        services.AddOperatorFace();
        services.AddV3Face();
        services.AddDeliveryChannels(configuration);
        services.AddSubscriptionsFace();
        services.AddBatchFace(configuration);
        services.AddRequestsAndAnswers();
        services.AddStatusFace();
        services.AddLiveInboxes(configuration);
        return services;
    }
}
