using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Notify.Core.Answers;
using Notify.Core.Faces.Kit;
using Notify.Core.Inbox;
using Notify.Core.Pipeline;
using static Notify.Core.Faces.V3.V3Results;

namespace Notify.Core.Faces.V3;

/// <summary>
/// The v3 extension for answering an item: <c>POST /v3/notifications/{id}/responses</c> as the user, with
/// <c>{"action":"SUBMIT"|"CLOSE","options":["&lt;option id&gt;",…]}</c>, once per item.
/// </summary>
public sealed class V3ResponseEndpoints(V3Call call, V3Authenticator auth, AnswerService answers)
{
    private sealed record Answer(long ItemId, AnswerChoice Choice);

    public Task<Results<JsonHttpResult<InboxItemView>, V3Error>> AnswerAsync(HttpRequest request, string id, CancellationToken ct) =>
        call.RunAsync<UserCaller, Answer, JsonHttpResult<InboxItemView>>(request, auth.UserAsync, (v, body) => ReadAnswer(v, body, id), async (caller, answer) =>
        {
            var (app, userId) = caller;
            var result = await answers.AnswerAsync(app, userId, answer.ItemId, answer.Choice, ct);
            return result.Status switch
            {
                AnswerStatus.NotFound => NotFound(),
                AnswerStatus.Invalid => Invalid(result.Error!),
                AnswerStatus.AlreadyAnswered => Error(StatusCodes.Status409Conflict, "Notification already answered"),
                _ => TypedResults.Json(InboxItemView.From(result.Item!), statusCode: StatusCodes.Status201Created),
            };
        }, ct);

    private static Answer? ReadAnswer(Validation v, JsonNode? body, string id)
    {
        if (!NotificationIds.TryParse(id, out var itemId))
        {
            v.Add("id must be a positive integer");
            return null;
        }
        var root = body as JsonObject;
        if (root is null) v.Add("action should not be empty");
        var action = v.String(root, "action", 20, required: root is not null)?.ToUpperInvariant();
        var optionIds = new List<string>();
        foreach (var option in v.Array(root, "options", 10) ?? [])
        {
            if (option is JsonValue value && value.GetValueKind() is JsonValueKind.String or JsonValueKind.Number) optionIds.Add(value.ToString());
            else v.Add("each value in options must be an option id");
        }
        return action is null ? null : new Answer(itemId, new AnswerChoice(action, optionIds));
    }
}
