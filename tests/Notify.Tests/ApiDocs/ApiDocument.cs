using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.ApiDocs;

/// <summary>Reading the generated documents and their checked-in copies.</summary>
public static class ApiDocument
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string CheckedInPath(string document) => Path.Combine(RepositoryRoot.Path, "docs", "openapi", document + ".json");

    /// <summary>The served document, written the way the checked-in copy is (indented, a final newline).</summary>
    public static async Task<string> FetchTextAsync(HttpClient http, string document)
    {
        var response = await http.GetAsync($"/openapi/{document}.json");
        response.EnsureSuccessStatusCode();
        var node = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return node.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
    }
}
