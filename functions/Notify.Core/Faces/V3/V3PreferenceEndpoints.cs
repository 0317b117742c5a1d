using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Notify.Core.Categories;
using Notify.Core.Preferences;
using static Notify.Core.Faces.V3.V3Results;
using Notify.Core.Faces.Kit;

namespace Notify.Core.Faces.V3;

/// <summary>A user's delivery preferences per category × channel. Only rules the user set are listed; anything absent is enabled.</summary>
public sealed class V3PreferenceEndpoints(V3Call call, V3Authenticator auth, PreferenceStore preferences, CategoryStore categories)
{
    private const int MaxRules = 100;

    public Task<Results<Ok<IReadOnlyList<V3CategoryPreference>>, V3Error>> GetAsync(HttpRequest request, CancellationToken ct) =>
        call.RunAsync<UserCaller, Ok<IReadOnlyList<V3CategoryPreference>>>(request, auth.UserAsync, async caller =>
            TypedResults.Ok(await ViewAsync(caller.App.Id, await preferences.GetAsync(caller.App.Id, caller.UserId, ct), ct)), ct);

    /// <summary>PATCH and PUT alike: the named rules are set, the others kept.</summary>
    public Task<Results<Ok<IReadOnlyList<V3CategoryPreference>>, V3Error>> SetAsync(HttpRequest request, CancellationToken ct) =>
        call.RunAsync<UserCaller, List<PreferenceChange>, Ok<IReadOnlyList<V3CategoryPreference>>>(request, auth.UserAsync,
            (v, body) => Parse(v, body as JsonObject), async (caller, changes) =>
            {
                var (app, userId) = caller;
                var v = new Validation();
                foreach (var categoryId in changes.Select(c => c.CategoryId).Distinct())
                    if (await categories.FindByIdAsync(app.Id, categoryId, ct) is null) v.Add($"categoryId {categoryId} does not exist");
                if (!v.IsValid) return Invalid(v.Errors);
                var stored = await preferences.SetAsync(app.Id, userId, changes, ct);
                return TypedResults.Ok(await ViewAsync(app.Id, stored, ct));
            }, ct);

    private static List<PreferenceChange> Parse(Validation v, JsonObject? body)
    {
        var changes = new List<PreferenceChange>();
        var rules = v.Array(body, "preference", MaxRules, required: true);
        for (var i = 0; rules is not null && i < rules.Count && i < MaxRules; i++)
        {
            var rule = rules[i] as JsonObject;
            if (rule is null) { v.Add($"preference.{i} must be an object"); continue; }
            var categoryId = Integer(rule["categoryId"]);
            if (categoryId is null) v.Add($"preference.{i}.categoryId must be a positive integer");
            var channels = v.Array(rule, "channels", DeliveryChannels.All.Count, required: true) ?? [];
            for (var j = 0; j < channels.Count; j++)
            {
                var name = $"preference.{i}.channels.{j}";
                if (channels[j] is not JsonObject channelRule) { v.Add($"{name} must be an object"); continue; }
                var channelName = v.String(channelRule["channel"], $"{name}.channel", 50, required: true);
                var channel = channelName is null ? null : DeliveryChannels.Normalize(channelName);
                if (channelName is not null && channel is null)
                    v.Add($"{name}.channel must be one of the following values: {string.Join(", ", DeliveryChannels.All)}");
                var enabled = Flag(channelRule["enabled"]);
                if (enabled is null) v.Add($"{name}.enabled must be a boolean value");
                if (categoryId is not null && channel is not null && enabled is not null)
                    changes.Add(new PreferenceChange(categoryId.Value, channel, enabled.Value));
            }
        }
        return changes;
    }

    private async Task<IReadOnlyList<V3CategoryPreference>> ViewAsync(string appId, UserPreferences stored, CancellationToken ct)
    {
        var known = (await categories.ListAsync(appId, ct)).ToDictionary(c => c.Id);
        return stored.Rules
            .Where(r => known.ContainsKey(r.Key))
            .OrderBy(r => r.Key)
            .Select(r => new V3CategoryPreference(known[r.Key], r.Value.Select(c => new V3ChannelPreference(c.Key, c.Value ? 1 : 0)).ToList()))
            .ToList();
    }

    private static int? Integer(JsonNode? node)
    {
        var id = (node as JsonValue)?.GetValueKind() switch
        {
            JsonValueKind.Number when node!.AsValue().TryGetValue<int>(out var n) => n,
            JsonValueKind.String when int.TryParse(node!.GetValue<string>(), out var s) => s,
            _ => (int?)null,
        };
        return id > 0 ? id : null;
    }

    /// <summary>Clients send true/false, and the list answer itself uses 1/0.</summary>
    private static bool? Flag(JsonNode? node) => (node as JsonValue)?.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when node!.AsValue().TryGetValue<int>(out var n) && n is 0 or 1 => n == 1,
        _ => null,
    };
}

/// <summary>A user's rules for one category; <c>enabled</c> is 1 or 0, as v3 clients read it.</summary>
public sealed record V3CategoryPreference(Category Category, IReadOnlyList<V3ChannelPreference> ChannelPreferences);

public sealed record V3ChannelPreference(string Channel, int Enabled);
