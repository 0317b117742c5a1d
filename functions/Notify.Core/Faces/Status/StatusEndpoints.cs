using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Notify.Core.Faces.Kit;
using Notify.Core.Pipeline;
using Notify.Core.Requests;
using Notify.Core.Sends;
using static Notify.Core.Faces.Status.StatusErrors;

namespace Notify.Core.Faces.Status;

/// <summary>The notification status API (seed 003): requests with actions, and what each receiver did with theirs.</summary>
public sealed class StatusEndpoints(StatusAuth auth, StatusRequestParser parser, RequestService requests, RequestReceivers receivers,
    SendStore sends, IOptions<NotifyOptions> options)
{
    private const string TypePrefix = "api.application.notification.";
    private const int DefaultLimit = 20;
    private const int MaxLimit = 100;

    public async Task<Results<Ok<StatusEnvelope<StatusRequestView>>, StatusError>> CreateAsync(HttpRequest request, CancellationToken ct)
    {
        var caller = await auth.BackendAsync(request, ct);
        if (caller.Failure is not null) return caller.Failure;
        var body = await JsonBodyReader.ReadAsync(request, options.Value.MaxRequestBodyBytes, ct);
        if (body.Problem == BodyProblem.TooLarge) return TooLarge();
        if (body.Problem == BodyProblem.Malformed) return Invalid("body must be valid JSON");
        var (parsed, errors) = parser.Parse(body.Node);
        if (parsed is null) return Invalid(errors);
        var (created, rejection) = await requests.CreateAsync(caller.Caller!.Id, parsed, ct);
        return created is null ? Invalid(rejection!.Errors) : Envelope("create", await WithReceiversAsync(created, ct));
    }

    public async Task<Results<Ok<StatusEnvelope<StatusRequestView>>, StatusError>> GetAsync(HttpRequest request, string id, CancellationToken ct)
    {
        var caller = await auth.BackendAsync(request, ct);
        if (caller.Failure is not null) return caller.Failure;
        var (page, limit, error) = Paging(request);
        if (error is not null) return error;
        var stored = await requests.GetAsync(caller.Caller!.Id, id, ct);
        if (stored is null) return NotFound();
        var found = await receivers.PageAsync(stored.Send, (page - 1) * limit, limit, ct);
        var notifications = new StatusItemPage(
            StatusViews.Meta(found.Total, limit, found.Receivers.Count, page), found.Receivers.Select(r => StatusViews.Item(stored, r)).ToList());
        return Envelope("read", await WithReceiversAsync(stored, ct, notifications));
    }

    public async Task<Results<Ok<StatusRequestList>, StatusError>> ListAsync(HttpRequest request, CancellationToken ct)
    {
        var caller = await auth.BackendAsync(request, ct);
        if (caller.Failure is not null) return caller.Failure;
        var (page, limit, error) = Paging(request);
        if (error is not null) return error;
        var (found, total) = await requests.ListAsync(caller.Caller!.Id, (page - 1) * limit, limit, ct);
        return TypedResults.Ok(new StatusRequestList(
            TypePrefix + "list", found.Select(r => StatusViews.Request(r)).ToList(), StatusViews.Meta(total, limit, found.Count, page)));
    }

    public async Task<Results<Ok<StatusEnvelope<StatusRequestView>>, StatusError>> CancelAsync(HttpRequest request, string id, CancellationToken ct)
    {
        var caller = await auth.BackendAsync(request, ct);
        if (caller.Failure is not null) return caller.Failure;
        var (change, stored) = await requests.CancelAsync(caller.Caller!.Id, id, ct);
        return change switch
        {
            RequestChange.NotFound => NotFound(),
            RequestChange.AlreadyDelivered => AlreadyDelivered(),
            _ => Envelope("cancel", await WithReceiversAsync(stored!, ct)),
        };
    }

    public async Task<Results<Ok<StatusEnvelope<StatusDeleted>>, StatusError>> DeleteAsync(HttpRequest request, string id, CancellationToken ct)
    {
        var caller = await auth.BackendAsync(request, ct);
        if (caller.Failure is not null) return caller.Failure;
        return await requests.DeleteAsync(caller.Caller!.Id, id, ct)
            ? Envelope("delete", new StatusDeleted(id, true))
            : NotFound();
    }

    private static Ok<StatusEnvelope<T>> Envelope<T>(string action, T result) => TypedResults.Ok(new StatusEnvelope<T>(TypePrefix + action, result));

    /// <summary>The receivers as resolved (user identifiers, e-mail addresses resolved), from the send's recipients.</summary>
    private async Task<StatusRequestView> WithReceiversAsync(StoredRequest stored, CancellationToken ct, StatusItemPage? notifications = null) =>
        StatusViews.Request(stored, (await sends.GetRecipientsAsync(stored.Send, ct)).Select(r => r.Identifier).ToList(), notifications);

    private static (int Page, int Limit, StatusError? Error) Paging(HttpRequest request)
    {
        if (!QueryNumber.TryRead(request.Query["page"], 1, int.MaxValue / MaxLimit, 1, out var page))
            return (0, 0, Invalid($"page must be an integer from 1 to {int.MaxValue / MaxLimit}"));
        if (!QueryNumber.TryRead(request.Query["limit"], 1, MaxLimit, DefaultLimit, out var limit))
            return (0, 0, Invalid($"limit must be an integer from 1 to {MaxLimit}"));
        return (page, limit, null);
    }
}
