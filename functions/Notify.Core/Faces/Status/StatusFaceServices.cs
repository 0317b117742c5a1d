using Microsoft.Extensions.DependencyInjection;

namespace Notify.Core.Faces.Status;

public static class StatusFaceServices
{
    public static IServiceCollection AddStatusFace(this IServiceCollection services)
    {
        services.AddSingleton<StatusAuth>();
        services.AddSingleton<StatusRequestParser>();
        services.AddSingleton<StatusEndpoints>();
        return services;
    }
}
