using Microsoft.Extensions.DependencyInjection;

namespace Notify.Core.Faces.Operator;

public static class OperatorServices
{
    /// <summary>The operator face: its call pipeline, guard and endpoint classes (apps, feeds).</summary>
    public static IServiceCollection AddOperatorFace(this IServiceCollection services)
    {
        services.AddSingleton<OperatorCall>();
        services.AddSingleton<OperatorGuard>();
        services.AddSingleton<OperatorEndpoints>();
        services.AddSingleton<FeedOperatorEndpoints>();
        return services;
    }
}
