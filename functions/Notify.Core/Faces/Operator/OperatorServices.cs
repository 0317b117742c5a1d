using Microsoft.Extensions.DependencyInjection;

namespace Notify.Core.Faces.Operator;

public static class OperatorServices
{
    /// <summary>The operator face: its call pipeline and endpoint class.</summary>
    public static IServiceCollection AddOperatorFace(this IServiceCollection services)
    {
        services.AddSingleton<OperatorCall>();
        services.AddSingleton<OperatorEndpoints>();
        return services;
    }
}
