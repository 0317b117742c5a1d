using Microsoft.Extensions.Logging;

namespace Notify.Core.Pipeline;

/// <summary>The log scope of one pipeline stage: every entry it writes carries the app, the send and the stage.</summary>
public static class PipelineLog
{
    public static IDisposable? Stage(this ILogger logger, string stage, string appId, string sendId) =>
        logger.BeginScope(new Dictionary<string, object> { ["Stage"] = stage, ["AppId"] = appId, ["SendId"] = sendId });
}
