namespace Notify.Core.Content;

/// <summary>
/// What a notification says, whichever face sent it: the one shape a send request carries, a send row keeps, a
/// template's in-app part renders to and an inbox item shows. <paramref name="DataJson"/> is the caller's JSON
/// object as text; <paramref name="Category"/> the category identifier as the caller named it.
/// </summary>
public sealed record NotificationContent(
    string? Title,
    string? Message,
    string? Icon = null,
    string? Url = null,
    string? DataJson = null,
    string? Category = null);
