using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Notify.Core.Apps;
using Notify.Core.Faces.Kit;

namespace Notify.Core.Faces.Operator;

/// <summary>The operator, known by the key alone.</summary>
public sealed record OperatorCaller;

/// <summary>Authenticates the operator by <c>X-Notify-Operator-Key</c>. With no key configured the API does not exist (404), rather than being open.</summary>
public sealed class OperatorGuard(IOptions<NotifyOptions> options)
{
    public const string KeyHeader = "X-Notify-Operator-Key";

    public Task<Authenticated<OperatorCaller, OperatorError>> AuthenticateAsync(HttpRequest request, CancellationToken ct)
    {
        var key = options.Value.OperatorKey;
        Authenticated<OperatorCaller, OperatorError> result =
            string.IsNullOrEmpty(key) ? OperatorError.NotFound(null)
            : Secrets.AreEqual(request.Headers[KeyHeader].FirstOrDefault(), key) ? new OperatorCaller()
            : OperatorError.Unauthorized("Invalid operator key");
        return Task.FromResult(result);
    }
}
