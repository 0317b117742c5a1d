using System.Globalization;
using System.Text.Json.Nodes;
using Notify.Core.Answers;
using Notify.Core.Requests;
using Notify.Core.Users;

namespace Notify.Core.Faces.Status;

/// <summary>The status API's JSON: snake_case names, string ids, ISO 8601 UTC times with milliseconds, lower-case item types.</summary>
public static class StatusViews
{
    public static StatusRequestView Request(StoredRequest stored, IReadOnlyList<string>? receivers = null, StatusItemPage? notifications = null)
    {
        var send = stored.Send;
        var actions = stored.Actions;
        return new StatusRequestView(
            send.SendId, actions.Kind, Status(stored.Progress), send.Title, send.Message, actions.Level, stored.OpenCount,
            Time(send.SendAt ?? send.CreatedAt), Time(send.CreatedAt), stored.Request.Name, stored.Request.Broadcast, stored.Groups,
            actions.Actions.Select(a => Action(a, send.SendId)).ToList(), receivers, notifications);
    }

    public static StatusMeta Meta(int total, int limit, int currentCount, int page) => new(total, (total + limit - 1) / limit, currentCount, page);

    public static StatusItemView Item(StoredRequest stored, Receiver receiver)
    {
        var send = stored.Send;
        var state = receiver.State;
        var profile = receiver.User is null ? null : Profiles.Parse(receiver.User.ProfileJson);
        var chosen = AnswerRules.Chosen(state?.AnswerJson);
        return new StatusItemView(
            receiver.ItemId.ToString(CultureInfo.InvariantCulture), send.AppId, send.Title, send.Message,
            state?.OpenedAt is not null, state?.AnsweredAt is not null, state is null || state.DeletedAt is not null, state?.DeviceId is not null,
            stored.Actions.Level, stored.Actions.Kind.ToLowerInvariant(), Time(send.CreatedAt), Country(Text(profile, "country")),
            Time(state?.OpenedAt), Time(state?.AnsweredAt),
            chosen.Select(a => new StatusChosenAction($"{receiver.ItemId}-{a.Id}", a.Id, a.Type, a.Text)).ToList(),
            state?.DeviceId is not { } deviceId ? null
                : new StatusDevice(deviceId, receiver.Device?.Ip, receiver.Device?.DeviceType.ToUpperInvariant(), receiver.Device?.Version),
            new StatusUser(
                new StatusAccount(receiver.UserId, Text(profile, "firstName", "first_name", "name"), Text(profile, "lastName", "last_name"),
                    Text(profile, "photoURL", "photoUrl", "photo", "image", "avatar"), receiver.User is not null),
                receiver.UserId, Text(profile, "email")));
    }

    public static string Status(RequestProgress progress) => progress switch
    {
        RequestProgress.Pending => "PENDING",
        RequestProgress.Sending => "SENDING",
        RequestProgress.Completed => "COMPLETED",
        _ => "CANCELED",
    };

    private static StatusActionView Action(ItemAction action, string requestId) =>
        new(action.Id, action.Type, action.Text, requestId, action.Type is ItemKinds.Radio or ItemKinds.Checkbox ? action.Selected : null);

    private static StatusCountry? Country(string? code)
    {
        if (code is not { Length: 2 }) return null;
        try
        {
            var region = new RegionInfo(code);
            return new StatusCountry(region.TwoLetterISORegionName, region.EnglishName);
        }
        catch (ArgumentException)
        {
            return new StatusCountry(code.ToUpperInvariant(), null);
        }
    }

    private static string? Text(JsonObject? profile, params string[] names) =>
        names.Select(n => profile?[n] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).FirstOrDefault(s => s is not null);

    public static string? Time(DateTimeOffset? at) =>
        at?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
