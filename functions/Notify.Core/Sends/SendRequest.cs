using Notify.Core.Content;

namespace Notify.Core.Sends;

/// <summary>A validated send, independent of the API face it came through.</summary>
/// <param name="TemplateDataJson">The variables a template renders with, when they differ from the content's data.</param>
public sealed record SendRequest(NotificationContent Content, string? TemplateDataJson, IReadOnlyList<Recipient> Recipients)
{
    /// <summary>Topic identifiers (or ids) as the caller named them.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>Channels the send is restricted to; null for the default channels.</summary>
    public IReadOnlyList<string>? Channels { get; init; }

    /// <summary>When to deliver; null for now.</summary>
    public DateTimeOffset? SendAt { get; init; }

    public SendWorkflow? Workflow { get; init; }

    /// <summary>Resolved by the face from the content's category, which must name an existing category.</summary>
    public int? CategoryId { get; init; }

    public string? TemplateIdentifier { get; init; }

    public EmailOverride? EmailOverride { get; init; }

    /// <summary>Resolved by the face from <see cref="Topics"/>.</summary>
    public IReadOnlyList<int> TopicIds { get; init; } = [];

    /// <summary>What the items ask of their recipients (buttons, options); null for items that ask nothing.</summary>
    public Answers.ItemActions? Actions { get; init; }
}

/// <summary>The workflow a send belongs to; the cancellation key lets the caller cancel its pending work later.</summary>
public sealed record SendWorkflow(string Identifier, string? CancellationKey);
