using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Notify.Core.Faces.Kit;
using Notify.Core.Templates;
using static Notify.Core.Faces.V3.V3Results;

namespace Notify.Core.Faces.V3;

/// <summary>Template management for backends (key + secret).</summary>
public sealed class V3TemplateEndpoints(V3Call call, V3Authenticator auth, TemplateStore templates, TemplateRenderer renderer)
{
    public Task<Results<Created<TemplateView>, V3Error>> CreateAsync(HttpRequest request, CancellationToken ct) =>
        call.RunAsync<Apps.App, TemplateRow, Created<TemplateView>>(request, auth.BackendAsync, (v, body) => TemplateParser.Parse(v, body, null, renderer), async (app, template) =>
            await templates.SaveAsync(app.Id, template, create: true, ct) switch
            {
                TemplateSaved.Saved => TypedResults.Created((string?)null, TemplateView.From(template)),
                TemplateSaved.TooMany => Error(StatusCodes.Status409Conflict, $"An app holds at most {TemplateStore.MaxPerApp} templates"),
                _ => Error(StatusCodes.Status409Conflict, "A template with this identifier exists"),
            }, ct);

    public Task<Results<Ok<TemplateView>, V3Error>> ReplaceAsync(HttpRequest request, string identifier, CancellationToken ct) =>
        call.RunAsync<Apps.App, TemplateRow, Ok<TemplateView>>(request, auth.BackendAsync, (v, body) => TemplateParser.Parse(v, body, RouteValue.Decode(identifier), renderer), async (app, template) =>
            await templates.SaveAsync(app.Id, template, create: false, ct) == TemplateSaved.Saved
                ? TypedResults.Ok(TemplateView.From(template))
                : NotFound("Template not found"), ct);

    /// <summary>Every template of the app: at most <see cref="TemplateStore.MaxPerApp"/>, which creating enforces.</summary>
    public Task<Results<Ok<IReadOnlyList<TemplateView>>, V3Error>> ListAsync(HttpRequest request, CancellationToken ct) =>
        call.RunAsync<Apps.App, Ok<IReadOnlyList<TemplateView>>>(request, auth.BackendAsync, async app =>
            TypedResults.Ok<IReadOnlyList<TemplateView>>((await templates.ListAsync(app.Id, ct)).Select(TemplateView.From).ToList()), ct);

    public Task<Results<Ok<TemplateView>, V3Error>> GetAsync(HttpRequest request, string identifier, CancellationToken ct) =>
        call.RunAsync<Apps.App, Ok<TemplateView>>(request, auth.BackendAsync, async app =>
            await templates.GetAsync(app.Id, RouteValue.Decode(identifier), ct) is { } template
                ? TypedResults.Ok(TemplateView.From(template))
                : NotFound("Template not found"), ct);

    public Task<Results<Ok<V3Message>, V3Error>> DeleteAsync(HttpRequest request, string identifier, CancellationToken ct) =>
        call.RunAsync<Apps.App, Ok<V3Message>>(request, auth.BackendAsync, async app =>
            await templates.DeleteAsync(app.Id, RouteValue.Decode(identifier), ct)
                ? V3Message.Done("Template deleted successfully")
                : NotFound("Template not found"), ct);
}

public sealed record TemplateView(
    string Identifier, string Name, string DefaultLocale, JsonNode? Locales, IReadOnlyList<string> Channels,
    int StackTimeoutSeconds, IReadOnlyList<string> MutableChannels, DateTimeOffset UpdatedAt)
{
    public static TemplateView From(TemplateRow row)
    {
        var notification = Notifications.Notification.From(row);
        return new(row.Identifier, row.Name, row.DefaultLocale, JsonNode.Parse(row.LocalesJson), notification.Channels,
            (int)notification.StackTimeout.TotalSeconds, notification.MutableChannels, row.UpdatedAt);
    }
}
