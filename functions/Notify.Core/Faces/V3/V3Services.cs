using Microsoft.Extensions.DependencyInjection;

namespace Notify.Core.Faces.V3;

public static class V3Services
{
    /// <summary>The v3 face: its call pipeline, authenticator and endpoint classes.</summary>
    public static IServiceCollection AddV3Face(this IServiceCollection services)
    {
        services.AddSingleton<V3Call>();
        services.AddSingleton<V3Authenticator>();
        services.AddSingleton<V3SendEndpoints>();
        services.AddSingleton<V3InboxEndpoints>();
        services.AddSingleton<V3ResponseEndpoints>();
        services.AddSingleton<V3UserEndpoints>();
        services.AddSingleton<V3ProfileEndpoints>();
        services.AddSingleton<V3PreferenceEndpoints>();
        services.AddSingleton<V3SdkEndpoints>();
        services.AddSingleton<V3CategoryEndpoints>();
        services.AddSingleton<V3TopicEndpoints>();
        services.AddSingleton<V3TemplateEndpoints>();
        services.AddSingleton<V3DeliveryEndpoints>();
        services.AddSingleton<V4WorkflowEndpoints>();
        return services;
    }
}
