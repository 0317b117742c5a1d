using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Notify.Core.Categories;
using Notify.Core.Pipeline;
using Notify.Core.Sends;
using Notify.Core.Templates;
using Notify.Core.Topics;
using static Notify.Core.Faces.V3.V3Results;
using Notify.Core.Faces.Kit;

namespace Notify.Core.Faces.V3;

public sealed class V3SendEndpoints(
    V3Call call, V3Authenticator auth, SendService sends, CategoryStore categories, TopicStore topics, TemplateStore templates, TimeProvider clock,
    IOptions<NotifyOptions> options)
{
    public Task<Results<Created<V3SendAccepted>, V3Error>> SendAsync(HttpRequest request, CancellationToken ct) =>
        call.RunAsync<Apps.App, SendRequest, Created<V3SendAccepted>>(request, auth.BackendAsync, Parse, async (app, send) =>
        {
            var (resolved, problems) = await ResolveAsync(app.Id, send, ct);
            if (resolved is null) return Invalid(problems);
            return TypedResults.Created((string?)null, new V3SendAccepted(await sends.AcceptAsync(app.Id, resolved, ct)));
        }, ct);

    private SendRequest? Parse(Validation v, System.Text.Json.Nodes.JsonNode? body)
    {
        var (send, errors) = SendRequestParser.Parse(body, options.Value.MaxRecipientsPerSend);
        foreach (var error in errors) v.Add(error);
        return send;
    }

    /// <summary>The checks that need storage or the clock: the category, template and topics must exist, the send time lie ahead.</summary>
    private async Task<(SendRequest? Send, IReadOnlyList<string> Errors)> ResolveAsync(string appId, SendRequest send, CancellationToken ct)
    {
        var v = new Validation();
        if (send.SendAt is { } sendAt && sendAt <= clock.GetUtcNow()) v.Add("sendAt must be a date in the future");
        int? categoryId = null;
        if (send.Content.Category is not null)
        {
            var category = await categories.FindByIdentifierAsync(appId, send.Content.Category, ct);
            if (category is null) v.Add($"category {send.Content.Category} does not exist");
            categoryId = category?.Id;
        }
        if (send.TemplateIdentifier is not null && await templates.GetAsync(appId, send.TemplateIdentifier, ct) is null)
            v.Add($"template {send.TemplateIdentifier} does not exist");
        var topicIds = new List<int>();
        foreach (var name in send.Topics)
        {
            var topic = await topics.ResolveAsync(appId, name, ct);
            if (topic is null) v.Add($"topic {name} does not exist");
            else topicIds.Add(topic.Id);
        }
        return v.IsValid ? (send with { CategoryId = categoryId, TopicIds = [.. topicIds.Distinct()] }, v.Errors) : (null, v.Errors);
    }
}

public sealed record V3SendAccepted(string RequestId);
