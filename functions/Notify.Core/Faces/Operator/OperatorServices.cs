using Microsoft.Extensions.DependencyInjection;
using Notify.Core.DeadLetters;

namespace Notify.Core.Faces.Operator;

public static class OperatorServices
{
    /// <summary>The operator face: its call pipeline (with the key check) and endpoint classes (apps, feeds, dead letters), and the dead-letter stores only it uses.</summary>
    public static IServiceCollection AddOperatorFace(this IServiceCollection services)
    {
        services.AddSingleton<OperatorCall>();
        services.AddSingleton<DeadLetterStore>();
        services.AddSingleton<DeadLetterReplay>();
        services.AddSingleton<DeadLetterEndpoints>();
        services.AddSingleton<OperatorEndpoints>();
        services.AddSingleton<FeedOperatorEndpoints>();
        return services;
    }
}
