using System.Globalization;
using System.Text.Json.Nodes;
using Notify.Core.Answers;
using Notify.Core.Requests;
using Notify.Core.Users;

namespace Notify.Core.Faces.Status;

/// <summary>The status API's JSON: snake_case names, string ids, ISO 8601 UTC times with milliseconds, lower-case item types.</summary>
public static class StatusViews
{
    public static JsonObject Request(StoredRequest stored, IReadOnlyList<string>? receivers = null, JsonObject? notifications = null)
    {
        var send = stored.Send;
        var actions = stored.Actions;
        var view = new JsonObject
        {
            ["id"] = send.SendId,
            ["type"] = actions.Kind,
            ["status"] = Status(stored.Progress),
            ["title"] = send.Title,
            ["content"] = send.Message,
            ["level"] = actions.Level,
            ["open_count"] = stored.OpenCount,
            ["send_at"] = Time(send.SendAt ?? send.CreatedAt),
            ["created_at"] = Time(send.CreatedAt),
            ["name"] = stored.Request.Name,
            ["broadcast"] = stored.Request.Broadcast,
            ["groups"] = new JsonArray(stored.Groups.Select(g => (JsonNode)g).ToArray()),
            ["actions"] = new JsonArray(actions.Actions.Select(a => (JsonNode)Action(a, send.SendId)).ToArray()),
        };
        if (receivers is not null) view["receivers"] = new JsonArray(receivers.Select(r => (JsonNode)r).ToArray());
        if (notifications is not null) view["notifications"] = notifications;
        return view;
    }

    public static JsonObject Meta(int total, int limit, int currentCount, int page) => new()
    {
        ["total_count"] = total,
        ["page_count"] = (total + limit - 1) / limit,
        ["current_count"] = currentCount,
        ["current_page"] = page,
    };

    public static JsonObject Item(StoredRequest stored, Receiver receiver)
    {
        var send = stored.Send;
        var state = receiver.State;
        var profile = receiver.User is null ? null : Profiles.Parse(receiver.User.ProfileJson);
        var chosen = AnswerRules.Chosen(state?.AnswerJson);
        return new JsonObject
        {
            ["id"] = receiver.ItemId.ToString(CultureInfo.InvariantCulture),
            ["application_id"] = send.AppId,
            ["title"] = send.Title,
            ["content"] = send.Message,
            ["opened"] = state?.OpenedAt is not null,
            ["responded"] = state?.AnsweredAt is not null,
            ["deleted"] = state is null || state.DeletedAt is not null,
            ["in_device"] = state?.DeviceId is not null,
            ["level"] = stored.Actions.Level,
            ["type"] = stored.Actions.Kind.ToLowerInvariant(),
            ["created_at"] = Time(send.CreatedAt),
            ["country"] = Country(Text(profile, "country")),
            ["opened_at"] = Time(state?.OpenedAt),
            ["responded_at"] = Time(state?.AnsweredAt),
            ["actions"] = new JsonArray(chosen.Select(a => (JsonNode)new JsonObject
            {
                ["id"] = $"{receiver.ItemId}-{a.Id}",
                ["action_id"] = a.Id,
                ["type"] = a.Type,
                ["text"] = a.Text,
            }).ToArray()),
            ["device"] = state?.DeviceId is not { } deviceId ? null : new JsonObject
            {
                ["id"] = deviceId,
                ["ip"] = receiver.Device?.Ip,
                ["type"] = receiver.Device?.DeviceType.ToUpperInvariant(),
                ["version"] = receiver.Device?.Version,
            },
            ["user"] = new JsonObject
            {
                ["account"] = new JsonObject
                {
                    ["id"] = receiver.UserId,
                    ["first_name"] = Text(profile, "firstName", "first_name", "name"),
                    ["last_name"] = Text(profile, "lastName", "last_name"),
                    ["image"] = Text(profile, "photoURL", "photoUrl", "photo", "image", "avatar"),
                    ["is_active"] = receiver.User is not null,
                },
                ["id"] = receiver.UserId,
                ["email"] = Text(profile, "email"),
            },
        };
    }

    public static string Status(RequestProgress progress) => progress switch
    {
        RequestProgress.Pending => "PENDING",
        RequestProgress.Sending => "SENDING",
        RequestProgress.Completed => "COMPLETED",
        _ => "CANCELED",
    };

    private static JsonObject Action(ItemAction action, string requestId)
    {
        var view = new JsonObject { ["id"] = action.Id, ["type"] = action.Type, ["text"] = action.Text, ["request_id"] = requestId };
        if (action.Type is ItemKinds.Radio or ItemKinds.Checkbox) view["selected"] = action.Selected;
        return view;
    }

    private static JsonObject? Country(string? code)
    {
        if (code is not { Length: 2 }) return null;
        try
        {
            var region = new RegionInfo(code);
            return new JsonObject { ["code"] = region.TwoLetterISORegionName, ["name"] = region.EnglishName };
        }
        catch (ArgumentException)
        {
            return new JsonObject { ["code"] = code.ToUpperInvariant(), ["name"] = null };
        }
    }

    private static string? Text(JsonObject? profile, params string[] names) =>
        names.Select(n => profile?[n] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).FirstOrDefault(s => s is not null);

    public static string? Time(DateTimeOffset? at) =>
        at?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
