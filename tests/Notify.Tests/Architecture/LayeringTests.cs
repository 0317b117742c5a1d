using Notify.Core;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Architecture;

/// <summary>
/// The domain (every namespace of the core but the faces and the hosting composition) knows no API face,
/// and no two namespaces use each other, however indirectly: read from the compiled core (IL included) and
/// from the <c>using</c> directives of its sources.
/// </summary>
public sealed class LayeringTests
{
    private const string Faces = "Notify.Core.Faces";
    private const string Hosting = "Notify.Core.Hosting";
    private static readonly NamespaceGraph Core =
        NamespaceGraph.Of(typeof(NotifyOptions).Assembly, Path.Combine(RepositoryRoot.Path, "functions", "Notify.Core"));

    private static bool IsDomain(string ns) =>
        ns != Faces && !ns.StartsWith(Faces + ".", StringComparison.Ordinal) && ns != Hosting;

    [Fact]
    public void Should_keep_every_face_and_the_hosting_out_of_the_domain()
    {
        Assert.Contains("Notify.Core.Sends", Core.Edges.Keys);
        Assert.Empty(Core.Uses(IsDomain, Faces).Concat(Core.Uses(IsDomain, Hosting)));
    }

    [Fact]
    public void Should_have_no_cycle_between_namespaces() => Assert.True(Core.Cycles().Count == 0, string.Join("\n", Core.Cycles()));

    [Fact]
    public void Should_report_a_cycle_and_a_face_used_by_the_domain()
    {
        var graph = new NamespaceGraph(new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["Notify.Core.Sends"] = new Dictionary<string, string> { ["Notify.Core.Pipeline"] = "Sends uses Pipeline" },
            ["Notify.Core.Pipeline"] = new Dictionary<string, string> { ["Notify.Core.Sends"] = "Pipeline uses Sends", ["Notify.Core.Faces.V3"] = "Pipeline uses V3" },
            ["Notify.Core.Faces.V3"] = new Dictionary<string, string> { ["Notify.Core.Sends"] = "V3 uses Sends" },
        });

        Assert.Equal(["Pipeline uses V3"], graph.Uses(IsDomain, Faces));
        var cycle = Assert.Single(graph.Cycles());
        Assert.Contains("Sends uses Pipeline", cycle);
        Assert.Contains("Pipeline uses Sends", cycle);
    }

    [Fact]
    public void Should_see_uses_that_only_method_bodies_make()
    {
        var uses = TypeReferences.Of(typeof(Core.Pipeline.TopicPageHandler)).ToList();
        Assert.Contains(typeof(Core.Pipeline.TopicPageMessage), uses);
        Assert.Contains(typeof(Core.Sends.Recipient), uses);
    }
}
