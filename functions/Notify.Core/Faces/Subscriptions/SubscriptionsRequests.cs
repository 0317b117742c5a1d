using System.ComponentModel.DataAnnotations;

namespace Notify.Core.Faces.Subscriptions;

// The subscriptions request bodies, as the API descriptions show them (the endpoints read the JSON themselves).

/// <summary><c>POST /channels/{channelId}/notifications/{iuid}</c>: title 3–30 characters, text 3–200.</summary>
public sealed record ChannelSendRequest
{
    [MinLength(3), MaxLength(30)] public required string Title { get; init; }
    [MinLength(3), MaxLength(200)] public required string Text { get; init; }
}

/// <summary><c>PATCH /feeds/api/subscriptions/{id}</c>.</summary>
public sealed record MuteRequest
{
    public required bool Mute { get; init; }
}
