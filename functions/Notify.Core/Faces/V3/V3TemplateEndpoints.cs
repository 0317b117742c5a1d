using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Notify.Core.Auth;
using Notify.Core.Faces.Kit;
using Notify.Core.Templates;
using static Notify.Core.Faces.V3.V3Results;

namespace Notify.Core.Faces.V3;

/// <summary>Template management for backends (key + secret).</summary>
public sealed class V3TemplateEndpoints(V3Authenticator auth, TemplateStore templates, TemplateRenderer renderer, IOptions<NotifyOptions> options)
{
    public Task<IResult> CreateAsync(HttpRequest request, CancellationToken ct) => SaveAsync(request, null, ct);

    public Task<IResult> ReplaceAsync(HttpRequest request, string identifier, CancellationToken ct) =>
        SaveAsync(request, RouteValue.Decode(identifier), ct);

    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken ct)
    {
        var caller = await auth.BackendAsync(request, ct);
        if (caller.Failure is not null) return caller.Failure;
        return Results.Ok((await templates.ListAsync(caller.Caller!.Id, ct)).Select(TemplateView.From));
    }

    public async Task<IResult> GetAsync(HttpRequest request, string identifier, CancellationToken ct)
    {
        var caller = await auth.BackendAsync(request, ct);
        if (caller.Failure is not null) return caller.Failure;
        var template = await templates.GetAsync(caller.Caller!.Id, RouteValue.Decode(identifier), ct);
        return template is null ? NotFound("Template not found") : Results.Ok(TemplateView.From(template));
    }

    public async Task<IResult> DeleteAsync(HttpRequest request, string identifier, CancellationToken ct)
    {
        var caller = await auth.BackendAsync(request, ct);
        if (caller.Failure is not null) return caller.Failure;
        return await templates.DeleteAsync(caller.Caller!.Id, RouteValue.Decode(identifier), ct)
            ? Results.Ok(new { statusCode = 200, message = "Template deleted successfully" })
            : NotFound("Template not found");
    }

    private async Task<IResult> SaveAsync(HttpRequest request, string? identifier, CancellationToken ct)
    {
        var caller = await auth.BackendAsync(request, ct);
        if (caller.Failure is not null) return caller.Failure;
        var (body, failure) = await V3Body.ReadAsync(request, options.Value.MaxRequestBodyBytes, ct);
        if (failure is not null) return failure;
        var v = new Validation();
        var template = TemplateParser.Parse(v, body, identifier, renderer);
        if (template is null) return Invalid(v.Errors);
        var create = identifier is null;
        if (!await templates.SaveAsync(caller.Caller!.Id, template, create, ct))
            return create ? Error(StatusCodes.Status409Conflict, "A template with this identifier exists") : NotFound("Template not found");
        return Results.Json(TemplateView.From(template), statusCode: create ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }
}

public sealed record TemplateView(
    string Identifier, string Name, string DefaultLocale, System.Text.Json.Nodes.JsonNode? Locales, IReadOnlyList<string> Channels,
    int StackTimeoutSeconds, IReadOnlyList<string> MutableChannels, DateTimeOffset UpdatedAt)
{
    public static TemplateView From(TemplateRow row)
    {
        var notification = Notifications.Notification.From(row);
        return new(row.Identifier, row.Name, row.DefaultLocale, System.Text.Json.Nodes.JsonNode.Parse(row.LocalesJson), notification.Channels,
            (int)notification.StackTimeout.TotalSeconds, notification.MutableChannels, row.UpdatedAt);
    }
}
