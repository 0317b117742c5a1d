using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Notify.Core.Answers;
using Notify.Core.Auth;
using Notify.Core.Inbox;
using Notify.Core.Pipeline;
using static Notify.Core.Faces.V3.V3Results;

namespace Notify.Core.Faces.V3;

/// <summary>
/// The v3 extension for answering an item: <c>POST /v3/notifications/{id}/responses</c> as the user, with
/// <c>{"action":"SUBMIT"|"CLOSE","options":["&lt;option id&gt;",…]}</c>, once per item.
/// </summary>
public sealed class V3ResponseEndpoints(V3Authenticator auth, AnswerService answers, IOptions<NotifyOptions> options)
{
    public async Task<IResult> AnswerAsync(HttpRequest request, string id, CancellationToken ct)
    {
        var caller = await auth.UserAsync(request, ct);
        if (caller.Failure is not null) return caller.Failure;
        var (body, failure) = await V3Body.ReadAsync(request, options.Value.MaxRequestBodyBytes, ct);
        if (failure is not null) return failure;
        if (!NotificationIds.TryParse(id, out var itemId)) return Invalid("id must be a positive integer");
        var v = new Validation();
        var root = body as JsonObject;
        if (root is null) v.Add("action should not be empty");
        var action = v.String(root, "action", 20, required: root is not null)?.ToUpperInvariant();
        var optionIds = new List<string>();
        foreach (var option in v.Array(root, "options", 10) ?? [])
        {
            if (option is JsonValue value && value.GetValueKind() is JsonValueKind.String or JsonValueKind.Number) optionIds.Add(value.ToString());
            else v.Add("each value in options must be an option id");
        }
        if (!v.IsValid) return Invalid(v.Errors);
        var (app, userId) = caller.Caller!;
        var result = await answers.AnswerAsync(app, userId, itemId, new AnswerChoice(action!, optionIds), ct);
        return result.Status switch
        {
            AnswerStatus.NotFound => NotFound(),
            AnswerStatus.Invalid => Invalid(result.Error!),
            AnswerStatus.AlreadyAnswered => Error(StatusCodes.Status409Conflict, "Notification already answered"),
            _ => Results.Json(InboxItemView.From(result.Item!), statusCode: StatusCodes.Status201Created),
        };
    }
}
