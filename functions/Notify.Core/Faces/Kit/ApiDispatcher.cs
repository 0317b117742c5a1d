using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Notify.Core.Faces.Kit;

/// <summary>
/// Routes a request to the face's route table without ASP.NET Core's endpoint routing, for hosts that
/// receive a whole path prefix in one function (Azure Functions). Handlers are built with the same
/// <see cref="RequestDelegateFactory"/> that minimal APIs use, so binding is identical in both hosts.
/// </summary>
public sealed class ApiDispatcher
{
    private readonly Dictionary<string, Candidate[]> byFace;
    private readonly ILogger logger;

    public ApiDispatcher(IEnumerable<ApiFace> faces, IServiceProvider services)
    {
        logger = services.GetRequiredService<ILogger<ApiDispatcher>>();
        byFace = faces.ToDictionary(face => face.Name, face => face.Routes
            .Select(route => Candidate.Create(route, services))
            .OrderBy(c => c.Precedence)
            .ToArray());
    }

    /// <summary>
    /// Runs the route of <paramref name="faceName"/> that matches the request: 404 when no template matches, 405 when
    /// only the method differs, and <see cref="UnexpectedFailure"/> for what the route throws.
    /// </summary>
    public async Task DispatchAsync(string faceName, HttpContext context)
    {
        var methodDiffers = false;
        foreach (var candidate in byFace[faceName])
        {
            var values = new RouteValueDictionary();
            if (!candidate.Matcher.TryMatch(context.Request.Path, values)) continue;
            if (!HttpMethods.Equals(candidate.Route.Method, context.Request.Method))
            {
                methodDiffers = true;
                continue;
            }
            context.Request.RouteValues = values;
            try
            {
                await candidate.Invoke(context);
            }
            catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
            {
                await UnexpectedFailure.AnswerAsync(context, e, logger);
            }
            return;
        }
        context.Response.StatusCode = methodDiffers ? StatusCodes.Status405MethodNotAllowed : StatusCodes.Status404NotFound;
    }

    /// <summary>An <see cref="IResult"/> that dispatches when executed, for hosts whose functions return results.</summary>
    public IResult Forward(string faceName) => new ForwardResult(this, faceName);

    private sealed record ForwardResult(ApiDispatcher Dispatcher, string FaceName) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => Dispatcher.DispatchAsync(FaceName, httpContext);
    }

    private sealed record Candidate(ApiRoute Route, TemplateMatcher Matcher, RequestDelegate Invoke, decimal Precedence)
    {
        public static Candidate Create(ApiRoute route, IServiceProvider services)
        {
            var template = TemplateParser.Parse(route.Template);
            var invoke = RequestDelegateFactory.Create(route.Handler, new RequestDelegateFactoryOptions
            {
                ServiceProvider = services,
                RouteParameterNames = template.Parameters.Select(p => p.Name!).ToList(),
            }).RequestDelegate;
            // Literal segments win over parameters, as in endpoint routing ("…/markAllNotificationsAsSeen" before "…/{id}").
            return new Candidate(route, new TemplateMatcher(template, new RouteValueDictionary()), invoke, RoutePrecedence.ComputeInbound(template));
        }
    }
}
