using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Notify.Core.Faces.Kit;

namespace Notify.Core.Hosting;

/// <summary>
/// One OpenAPI 3.1 document per face, generated from the route tables: each route's minimal-API endpoint
/// carries its face's group name, an operation id, a tag, its body and its answers, and each document gets the
/// face's security schemes and error bodies. The self-host serves them at <see cref="RoutePattern"/>.
/// </summary>
public static class ApiDocuments
{
    public const string RoutePattern = "/openapi/{documentName}.json";

    /// <summary>Where the documents say the service is: the self-host's default address (a deployment has its own).</summary>
    private const string LocalServer = "http://localhost:7071";

    public static IServiceCollection AddApiDocuments(this IServiceCollection services)
    {
        foreach (var face in ApiFaces.All)
        {
            var description = face.Description!;
            services.AddOpenApi(description.Document, options =>
            {
                options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
                options.AddDocumentTransformer((document, _, _) =>
                {
                    Describe(document, description);
                    return Task.CompletedTask;
                });
                options.AddOperationTransformer(async (operation, context, ct) =>
                {
                    var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                    if (metadata.OfType<RequestBodyType>().FirstOrDefault() is { } body)
                        operation.RequestBody = await RequestBodyAsync(body.Type, context, ct);
                    if (metadata.OfType<QueryParameters>().FirstOrDefault() is { } query)
                        operation.Parameters = [.. operation.Parameters ?? [], .. query.Parameters.Select(QueryParameter)];
                });
                options.AddSchemaTransformer((schema, context, _) =>
                {
                    OmittedWhenNull(schema, context.JsonTypeInfo);
                    // JsonNode would be {}, which null matches too, so a nullable JsonNode's oneOf [null, JsonNode] matched null twice.
                    if (context.JsonTypeInfo.Type == typeof(JsonNode))
                        schema.Type = JsonSchemaType.Object | JsonSchemaType.Array | JsonSchemaType.String | JsonSchemaType.Number | JsonSchemaType.Boolean;
                    return Task.CompletedTask;
                });
            });
        }
        return services;
    }

    /// <summary>Adds a route's description to its endpoint; the Functions host never builds endpoints, so this is the self-host's.</summary>
    public static RouteHandlerBuilder Describe(this RouteHandlerBuilder endpoint, ApiFace face, ApiRoute route)
    {
        if (route.Undocumented || face.Description is null) return endpoint.ExcludeFromDescription();
        endpoint.WithGroupName(face.Description.Document).WithName(route.OperationId).WithTags(Tag(face, route));
        if (route.Summary is not null) endpoint.WithSummary(route.Summary);
        // Not Accepts(): its metadata makes routing refuse other content types (415), and the widget posts JSON as text.
        if (route.Body is not null) endpoint.WithMetadata(new RequestBodyType(route.Body));
        if (route.QueryParameters.Count > 0) endpoint.WithMetadata(new QueryParameters(route.QueryParameters));
        foreach (var answer in route.ExtraAnswers) endpoint.Produces(answer.Status, answer.Body, answer.ContentType);
        foreach (var error in face.Description.ErrorsOf(route)) endpoint.Produces(error.Status, error.Body, error.ContentType);
        return endpoint;
    }

    /// <summary>The first literal segment after the face's prefix (<c>v3/notifications/{id}</c> → notifications).</summary>
    private static string Tag(ApiFace face, ApiRoute route)
    {
        var prefix = face.PrefixOf(route.Template) ?? "";
        var rest = route.Template[prefix.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(s => !s.StartsWith('{'));
        return rest ?? prefix;
    }

    private static async Task<OpenApiRequestBody> RequestBodyAsync(Type type, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var document = context.Document!;
        if (document.Components?.Schemas?.ContainsKey(type.Name) != true)
            document.AddComponent(type.Name, await context.GetOrCreateSchemaAsync(type, null, ct));
        return new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = new OpenApiSchemaReference(type.Name, document) },
            },
        };
    }

    private static IOpenApiParameter QueryParameter(ApiQuery query) => new OpenApiParameter
    {
        Name = query.Name,
        In = ParameterLocation.Query,
        Description = query.Description,
        Schema = query.Minimum is null
            ? new OpenApiSchema { Type = JsonSchemaType.String }
            : new OpenApiSchema
            {
                Type = JsonSchemaType.Integer,
                Minimum = query.Minimum.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Maximum = query.Maximum!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
    };

    /// <summary>The query parameters a route's handler reads itself.</summary>
    private sealed record QueryParameters(IReadOnlyList<ApiQuery> Parameters);

    /// <summary>The record a route's body is described by (its handler reads the body itself).</summary>
    private sealed record RequestBodyType(Type Type);

    /// <summary>A member the answer leaves out when it is null (<c>JsonIgnore(WhenWritingNull)</c>) is not required.</summary>
    private static void OmittedWhenNull(OpenApiSchema schema, JsonTypeInfo type)
    {
        if (schema.Required is null) return;
        foreach (var property in type.Properties)
            if (property.AttributeProvider?.GetCustomAttributes(typeof(JsonIgnoreAttribute), true) is [JsonIgnoreAttribute { Condition: JsonIgnoreCondition.WhenWritingNull }, ..])
                schema.Required.Remove(property.Name);
    }

    private static void Describe(OpenApiDocument document, ApiDescription description)
    {
        document.Info.Title = description.Title;
        document.Info.Description = description.Summary;
        document.Info.Version = "1.0";
        document.Servers = [new OpenApiServer { Url = LocalServer, Description = "The local self-host; a deployment answers at its own address" }];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = description.Security.ToDictionary(s => s.Id, IOpenApiSecurityScheme (s) => new OpenApiSecurityScheme
        {
            Description = s.Description,
            Type = s.In is not null ? SecuritySchemeType.ApiKey : SecuritySchemeType.Http,
            In = s.In switch { "header" => ParameterLocation.Header, "query" => ParameterLocation.Query, "cookie" => ParameterLocation.Cookie, _ => null },
            Name = s.Name,
            Scheme = s.HttpScheme,
        });
        document.Security = description.Requirements.Select(set =>
        {
            var requirement = new OpenApiSecurityRequirement();
            foreach (var id in set) requirement[new OpenApiSecuritySchemeReference(id, document)] = [];
            return requirement;
        }).ToList();
    }
}
