using Notify.Core.Answers;
using Notify.Core.Apps;
using Notify.Core.Inbox;
using Notify.Core.Storage;

namespace Notify.Core.Pipeline;

public enum AnswerStatus { Answered, NotFound, Invalid, AlreadyAnswered }

public sealed record AnswerResult(AnswerStatus Status, string? Error = null, InboxItemRow? Item = null);

/// <summary>
/// A user answers an item once: the choice is checked against the item's own actions, stored on the item
/// (which also opens it), and, when the app has a webhook, queued as a signed event for it.
/// </summary>
public sealed class AnswerService(InboxStore inbox, InboxAnswers answers, NotifyStorage storage)
{
    public async Task<AnswerResult> AnswerAsync(App app, string userId, long itemId, AnswerChoice choice, CancellationToken ct)
    {
        var item = await inbox.GetAsync(app.Id, userId, itemId, ct);
        if (item is null) return new AnswerResult(AnswerStatus.NotFound);
        if (ItemActions.FromJson(item.ActionsJson) is not { } actions) return new AnswerResult(AnswerStatus.Invalid, "This notification takes no answer");
        if (item.AnsweredAt is not null) return new AnswerResult(AnswerStatus.AlreadyAnswered, Item: item);
        var (chosen, error) = AnswerRules.Check(actions, choice);
        if (chosen is null) return new AnswerResult(AnswerStatus.Invalid, error);
        var (outcome, answered) = await answers.AnswerAsync(app.Id, userId, itemId, AnswerRules.ToJson(chosen), ct);
        if (outcome == AnswerOutcome.NotFound) return new AnswerResult(AnswerStatus.NotFound);
        if (outcome == AnswerOutcome.AlreadyAnswered) return new AnswerResult(AnswerStatus.AlreadyAnswered, Item: answered);
        if (app.WebhookUrl is not null && !app.WebhookDisabled)
            await storage.EnqueueAsync(QueueNames.AnswerEvents,
                new AnswerEventMessage(app.Id, answered!.SendId, userId, itemId, answered.AnsweredAt!.Value, chosen), null, ct);
        return new AnswerResult(AnswerStatus.Answered, Item: answered);
    }
}
