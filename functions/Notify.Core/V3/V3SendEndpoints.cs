using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Notify.Core.Auth;
using Notify.Core.Sends;
using static Notify.Core.V3.V3Results;

namespace Notify.Core.V3;

public sealed class V3SendEndpoints(V3Authenticator auth, SendService sends, IOptions<NotifyOptions> options)
{
    public async Task<IResult> SendAsync(HttpRequest request, CancellationToken ct)
    {
        var caller = await auth.BackendAsync(request, ct);
        if (caller.Failure is not null) return caller.Failure;
        var (body, failure) = await V3Body.ReadAsync(request, options.Value.MaxRequestBodyBytes, ct);
        if (failure is not null) return failure;
        var (send, errors) = SendRequestParser.Parse(body, options.Value.MaxRecipientsPerSend);
        if (send is null) return Invalid(errors);
        var requestId = await sends.AcceptAsync(caller.Caller!.Id, send, ct);
        return Results.Json(new { requestId }, statusCode: StatusCodes.Status201Created);
    }
}
