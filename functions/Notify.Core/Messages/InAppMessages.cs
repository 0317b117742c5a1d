using Notify.Core.Channels;
using Notify.Core.Inbox;
using Notify.Core.Notifications;
using Notify.Core.Templates;
using Notify.Core.Users;

namespace Notify.Core.Messages;

/// <summary>The inbox side of a message: its content in the user's language, as a new item or stacked onto its stack's item.</summary>
public sealed class InAppMessages(TemplateRenderer renderer, InboxWriter writer, InboxStacks stacks)
{
    public sealed record Outcome(long? ItemId, int? Increment, string? Error);

    public async Task<Outcome> DeliverAsync(
        string appId, MessageRequest message, Notification notification, string sendId, UserRow user, DateTimeOffset now, CancellationToken ct)
    {
        var template = TemplateOverrides.Apply(notification.Template, TemplateChannel.InApp, message.InAppOverride);
        var profile = Profiles.Parse(user.ProfileJson);
        var dataJson = message.Data?.ToJsonString();
        string? error = null;
        InboxContent? Render(int increment)
        {
            switch (renderer.Render(template, TemplateChannel.InApp, profile["locale"]?.ToString(), message.Data, profile, increment))
            {
                case TemplateRenderResult.Rendered { Content: RenderedContent.InApp inApp }:
                    return new InboxContent(sendId, now, inApp.Content with { DataJson = dataJson })
                    {
                        NotificationId = notification.Id,
                        Increment = message.IncrementId is null ? null : increment,
                    };
                case TemplateRenderResult.Error failure:
                    error = failure.Message;
                    return null;
                default:
                    error = $"Template '{notification.Id}' gave no {DeliveryChannels.InApp} content.";
                    return null;
            }
        }

        var itemId = NotificationIds.For(appId, sendId, message.UserId);
        // Rendered once up front, so a template that cannot render never touches a stack.
        if (Render(1) is not { } first) return new Outcome(null, null, error);
        if (message.IncrementId is null)
        {
            await writer.DeliverAsync(appId, message.UserId, itemId, first, null, null, ct);
            return new Outcome(itemId, null, null);
        }
        var (stackedOn, count) = await stacks.AddAsync(appId, message.UserId, notification.Id, message.IncrementId, sendId, itemId,
            notification.StackTimeout, increment => Render(increment) ?? first, ct);
        return new Outcome(stackedOn, count, null);
    }
}
