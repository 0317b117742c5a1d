using System.Text.Json.Nodes;
using Notify.Core.Hosting;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.ApiDocs;

/// <summary>
/// The OpenAPI documents the self-host generates are the ones checked in under docs/openapi (what a Functions
/// deployment publishes). Set NOTIFY_WRITE_OPENAPI=1 (or run scripts/openapi.sh) to rewrite the checked-in copies.
/// </summary>
public sealed class ApiDocumentTests(NotifyServer server) : IClassFixture<NotifyServer>
{
    public static TheoryData<string> Documents => [.. ApiFaces.All.Select(f => f.Description!.Document)];

    [Fact]
    public void Every_face_describes_itself_under_a_document_name_of_its_own()
    {
        Assert.All(ApiFaces.All, face => Assert.NotNull(face.Description));
        Assert.Equal(ApiFaces.All.Count, ApiFaces.All.Select(f => f.Description!.Document).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task The_checked_in_document_is_the_generated_one(string document)
    {
        var generated = await ApiDocument.FetchTextAsync(server.Http, document);
        var path = ApiDocument.CheckedInPath(document);
        if (Environment.GetEnvironmentVariable("NOTIFY_WRITE_OPENAPI") == "1") await File.WriteAllTextAsync(path, generated);

        Assert.True(File.Exists(path), $"{path} is missing: run scripts/openapi.sh");
        Assert.True(await File.ReadAllTextAsync(path) == generated,
            $"{path} differs from what the self-host generates: run scripts/openapi.sh and commit the result");
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Each_document_is_openapi_3_1_with_its_face_security_and_error_bodies(string document)
    {
        var doc = JsonNode.Parse(await ApiDocument.FetchTextAsync(server.Http, document))!;
        var face = ApiFaces.All.Single(f => f.Description!.Document == document).Description!;

        Assert.StartsWith("3.1", doc["openapi"]!.GetValue<string>());
        Assert.Equal(face.Title, doc["info"]!["title"]!.GetValue<string>());
        Assert.Equal(face.Security.Select(s => s.Id).Order(), doc["components"]!["securitySchemes"]!.AsObject().Select(p => p.Key).Order());
        var schemas = doc["components"]!["schemas"]!.AsObject();
        Assert.All(face.Errors, e => Assert.True(schemas.ContainsKey(e.Body.Name), $"{e.Body.Name} is not among the schemas"));
        var operations = doc["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()).ToList();
        Assert.NotEmpty(operations);
        // Every operation says what it answers when it succeeds.
        Assert.All(operations, op => Assert.Contains(op.Value!["responses"]!.AsObject(), r => r.Key.StartsWith('2')));
    }

    [Fact]
    public async Task The_landing_page_links_the_reference_the_documents_and_the_health_probe()
    {
        var page = await server.Http.GetStringAsync("/");

        Assert.Contains("href=\"/docs\"", page);
        Assert.Contains("href=\"/health\"", page);
        Assert.All(ApiFaces.All, f => Assert.Contains($"href=\"/openapi/{f.Description!.Document}.json\"", page));
        Assert.DoesNotContain("MailDev", page);
        var docs = await server.Http.GetAsync("/docs");
        Assert.Equal(System.Net.HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("Notify API reference", await docs.Content.ReadAsStringAsync());
    }
}
