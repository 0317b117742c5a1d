using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Notify.Core.Faces.Batch;
using Notify.Core.Faces.Kit;
using Notify.Core.Faces.Operator;
using Notify.Core.Faces.Subscriptions;
using Notify.Core.Faces.Status;
using Notify.Core.Faces.V3;

namespace Notify.Core.Hosting;

/// <summary>Every API face the service speaks. Both hosts serve exactly these route tables.</summary>
public static class ApiFaces
{
    public static readonly IReadOnlyList<ApiFace> All =
    [
        OperatorFace.Face,
        BatchFace.Face,
        V3Face.Face,
        SubscriptionsFace.Face,
        StatusFace.Face,
    ];

    /// <summary>Maps every route of every face, for hosts that route themselves (the self-host).</summary>
    public static IEndpointRouteBuilder MapApiFaces(this IEndpointRouteBuilder app)
    {
        foreach (var face in All)
            foreach (var route in face.Routes)
                app.MapMethods(route.Template, [route.Method], route.Handler).Describe(face, route);
        return app;
    }
}
