using Microsoft.Extensions.DependencyInjection;
using Notify.Core.Answers;
using Notify.Core.Audience;
using Notify.Core.Devices;
using Notify.Core.Inbox;
using Notify.Core.Pipeline;
using Notify.Core.Requests;
using Notify.Core.Sends;
using Notify.Core.Users;

namespace Notify.Core.Hosting;

public static class RequestServices
{
    /// <summary>Notification requests, answers, the app-wide audience, the e-mail index and device showings: face-neutral.</summary>
    public static IServiceCollection AddRequestsAndAnswers(this IServiceCollection services)
    {
        services.AddSingleton<AppAudience>();
        services.AddSingleton<EmailIndex>();
        services.AddSingleton<UserIndexes>();
        services.AddSingleton<OpenReceipts>();
        services.AddSingleton<InboxAnswers>();
        services.AddSingleton<ItemShowings>();
        services.AddSingleton<SendProgress>();
        services.AddSingleton<AnswerService>();
        services.AddSingleton<AnswerEventHandler>();
        services.AddSingleton<AnswerEventReceipts>();
        services.AddSingleton<RequestStore>();
        services.AddSingleton<ReceiverResolver>();
        services.AddSingleton<RequestReceivers>();
        services.AddSingleton<RequestService>();
        services.AddSingleton<RequestDeletionHandler>();
        return services;
    }
}
