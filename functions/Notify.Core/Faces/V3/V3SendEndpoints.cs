using Microsoft.AspNetCore.Http;
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
    V3Authenticator auth, SendService sends, CategoryStore categories, TopicStore topics, TemplateStore templates, TimeProvider clock,
    IOptions<NotifyOptions> options)
{
    public async Task<IResult> SendAsync(HttpRequest request, CancellationToken ct)
    {
        var caller = await auth.BackendAsync(request, ct);
        if (caller.Failure is not null) return caller.Failure;
        var (body, failure) = await V3Body.ReadAsync(request, options.Value.MaxRequestBodyBytes, ct);
        if (failure is not null) return failure;
        var (send, errors) = SendRequestParser.Parse(body, options.Value.MaxRecipientsPerSend);
        if (send is null) return Invalid(errors);
        var (resolved, problems) = await ResolveAsync(caller.Caller!.Id, send, ct);
        if (resolved is null) return Invalid(problems);
        var requestId = await sends.AcceptAsync(caller.Caller!.Id, resolved, ct);
        return Results.Json(new { requestId }, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>The checks that need storage or the clock: the category, template and topics must exist, the send time lie ahead.</summary>
    private async Task<(SendRequest? Send, IReadOnlyList<string> Errors)> ResolveAsync(string appId, SendRequest send, CancellationToken ct)
    {
        var v = new Validation();
        if (send.SendAt is { } sendAt && sendAt <= clock.GetUtcNow()) v.Add("sendAt must be a date in the future");
        int? categoryId = null;
        if (send.Category is not null)
        {
            var category = await categories.FindByIdentifierAsync(appId, send.Category, ct);
            if (category is null) v.Add($"category {send.Category} does not exist");
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
