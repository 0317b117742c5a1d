using System.Reflection;
using System.Text.RegularExpressions;

namespace Notify.Tests.Architecture;

/// <summary>
/// Which area of an assembly uses which, with one example of each use for the failure message. An area is a
/// namespace below the root (<c>Notify.Core.Sends</c>), or below <c>Faces</c> for a face; its sub-namespaces
/// (<c>Channels.Email.Smtp</c>) are parts of it.
/// </summary>
public sealed partial class NamespaceGraph(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> edges)
{
    /// <summary>Namespace → namespaces it uses → an example ("A.Type uses B.Type").</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Edges { get; } = edges;

    /// <summary>
    /// The uses the compiled <paramref name="assembly"/> makes, and the <c>using</c> directives of its sources
    /// (constants and <c>nameof</c> leave nothing in the IL, but still tie one namespace to another).
    /// </summary>
    public static NamespaceGraph Of(Assembly assembly, string sourceDirectory)
    {
        var edges = new Dictionary<string, Dictionary<string, string>>();
        Dictionary<string, string> From(string ns) => edges.TryGetValue(ns, out var existing) ? existing : edges[ns] = [];
        foreach (var type in assembly.GetTypes().Where(t => t.DeclaringType is null && !string.IsNullOrEmpty(t.Namespace)))
            foreach (var used in TypeReferences.Of(type).Where(u => !string.IsNullOrEmpty(u.Namespace) && u.Namespace != type.Namespace))
                if (Area(type.Namespace!) != Area(used.Namespace!))
                    From(Area(type.Namespace!)).TryAdd(Area(used.Namespace!), $"{type.FullName} uses {used.FullName}");
        var root = assembly.GetName().Name!;
        foreach (var file in Directory.EnumerateFiles(sourceDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            if (NamespaceLine().Match(text) is not { Success: true } declared) continue;
            foreach (Match directive in UsingLine().Matches(text))
            {
                var name = directive.Groups["name"].Value;
                var used = directive.Groups["type"].Success ? name[..name.LastIndexOf('.')] : name;
                var from = Area(declared.Groups["ns"].Value);
                if (used.StartsWith(root, StringComparison.Ordinal) && Area(used) != from)
                    From(from).TryAdd(Area(used), $"{Path.GetFileName(file)} has 'using {used}'");
            }
        }
        return new NamespaceGraph(edges.ToDictionary(e => e.Key, e => (IReadOnlyDictionary<string, string>)e.Value));
    }

    /// <summary><c>A.B.C.D</c> → <c>A.B.C</c>, and <c>A.B.Faces.F.G</c> → <c>A.B.Faces.F</c>, for the assembly <c>A.B</c>.</summary>
    private static string Area(string ns)
    {
        var parts = ns.Split('.');
        var depth = parts.Length > 3 && parts[2] == "Faces" ? 4 : 3;
        return string.Join('.', parts.Take(depth));
    }

    [GeneratedRegex(@"^namespace (?<ns>[\w.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    /// <summary>A namespace (<c>using X;</c>), or a type (<c>using static X.Type;</c>, <c>using A = X.Type;</c>) whose namespace counts.</summary>
    [GeneratedRegex(@"^using (?<type>static |\w+ = )?(?<name>[\w.]+);", RegexOptions.Multiline)]
    private static partial Regex UsingLine();

    /// <summary>Every use of a namespace under <paramref name="forbidden"/> from a namespace <paramref name="isBound"/> holds for.</summary>
    public IEnumerable<string> Uses(Func<string, bool> isBound, string forbidden) =>
        Edges.Where(e => isBound(e.Key))
            .SelectMany(e => e.Value.Where(u => u.Key == forbidden || u.Key.StartsWith(forbidden + ".", StringComparison.Ordinal)).Select(u => u.Value));

    /// <summary>Strongly connected groups of more than one namespace (Tarjan), each with the uses that close it.</summary>
    public IReadOnlyList<string> Cycles()
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var cycles = new List<string>();
        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var next in Next(node))
            {
                if (!index.ContainsKey(next)) { Visit(next); low[node] = Math.Min(low[node], low[next]); }
                else if (stack.Contains(next)) low[node] = Math.Min(low[node], index[next]);
            }
            if (low[node] != index[node]) return;
            var group = new HashSet<string>();
            string member;
            do { member = stack.Pop(); group.Add(member); } while (member != node);
            if (group.Count > 1)
                cycles.Add(string.Join("; ", group.SelectMany(g => Edges[g].Where(u => group.Contains(u.Key)).Select(u => u.Value))));
        }
        foreach (var node in Edges.Keys.Where(n => !index.ContainsKey(n)).ToList()) Visit(node);
        return cycles;
    }

    private IEnumerable<string> Next(string node) =>
        Edges.TryGetValue(node, out var uses) ? uses.Keys.Where(Edges.ContainsKey) : [];
}
