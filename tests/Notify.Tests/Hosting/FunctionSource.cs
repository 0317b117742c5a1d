using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Notify.Core.Storage;

namespace Notify.Tests.Hosting;

public enum TriggerKind { Http, Queue, Timer }

/// <summary>One <c>[Function]</c> method: its trigger and the route, queue name or schedule that trigger names.</summary>
public sealed record DeclaredFunction(string Name, string Location, TriggerKind Trigger, string Target, IReadOnlyList<string> HttpMethods);

public sealed record FunctionSourceReport(IReadOnlyList<DeclaredFunction> Functions, IReadOnlyList<string> Problems);

/// <summary>
/// Reads the Functions app's declarations from its source with Roslyn, because its packages cannot be restored
/// here. Trigger arguments may be literals, <c>const</c> strings of the Functions source, or constants of
/// Notify.Core such as <c>QueueNames.Sends</c>, resolved against the real values by reflection.
/// </summary>
public sealed partial class FunctionSource
{
    private readonly Dictionary<(string Type, string Field), ExpressionSyntax> sourceConstants = [];
    private readonly List<string> problems = [];

    private FunctionSource(IEnumerable<SyntaxTree> trees)
    {
        foreach (var field in trees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<FieldDeclarationSyntax>())
                     .Where(f => f.Modifiers.Any(SyntaxKind.ConstKeyword)))
        {
            var type = field.Ancestors().OfType<TypeDeclarationSyntax>().First().Identifier.Text;
            foreach (var variable in field.Declaration.Variables.Where(v => v.Initializer is not null))
                sourceConstants[(type, variable.Identifier.Text)] = variable.Initializer!.Value;
        }
    }

    public static FunctionSourceReport ReadDirectory(string directory) =>
        Read(Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Select(path => (Path.GetRelativePath(directory, path), File.ReadAllText(path))));

    public static FunctionSourceReport Read(IEnumerable<(string Path, string Text)> files)
    {
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, path: f.Path)).ToList();
        var source = new FunctionSource(trees);
        source.problems.AddRange(trees.SelectMany(t => t.GetDiagnostics())
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => $"{Describe(d.Location)}: syntax error {d.Id} {d.GetMessage()}"));
        var functions = trees
            .SelectMany(t => t.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            .Select(source.ReadFunction)
            .OfType<DeclaredFunction>()
            .ToList();
        return new FunctionSourceReport(functions, source.problems);
    }

    private DeclaredFunction? ReadFunction(MethodDeclarationSyntax method)
    {
        var function = method.AttributeLists.SelectMany(l => l.Attributes).FirstOrDefault(a => Is(a, "Function"));
        if (function is null) return null;
        var location = Describe(method.Identifier.GetLocation());
        var name = Resolve(FirstArgument(function), location) ?? method.Identifier.Text;
        var triggers = method.ParameterList.Parameters
            .SelectMany(p => p.AttributeLists.SelectMany(l => l.Attributes))
            .Where(a => Is(a, "HttpTrigger") || Is(a, "QueueTrigger") || Is(a, "TimerTrigger"))
            .ToList();
        if (triggers.Count != 1)
        {
            problems.Add($"{location}: function '{name}' has {triggers.Count} trigger parameters; expected exactly one");
            return null;
        }
        var trigger = triggers[0];
        var parameters = method.ParameterList.Parameters;
        if (Is(trigger, "HttpTrigger")) return ReadHttp(name, location, trigger, parameters);
        var target = Resolve(FirstArgument(trigger), location);
        if (target is null) return null;
        if (Is(trigger, "TimerTrigger")) return new DeclaredFunction(name, location, TriggerKind.Timer, target, []);
        // Without it the binding data is silently not passed and every message looks like a first attempt.
        if (!parameters.Any(p => p.Identifier.Text == "dequeueCount" && p.Type?.ToString() == "long"))
            problems.Add($"{location}: queue function '{name}' has no 'long dequeueCount' parameter");
        return new DeclaredFunction(name, location, TriggerKind.Queue, target, []);
    }

    private DeclaredFunction? ReadHttp(string name, string location, AttributeSyntax trigger, SeparatedSyntaxList<ParameterSyntax> parameters)
    {
        var arguments = trigger.ArgumentList?.Arguments ?? default;
        var positional = arguments.Where(a => a.NameEquals is null).ToList();
        var level = positional.FirstOrDefault()?.Expression is MemberAccessExpressionSyntax member ? member.Name.Identifier.Text : null;
        // The core authenticates every call itself; a function key would turn vendor clients away.
        if (level != "Anonymous")
            problems.Add($"{location}: HTTP function '{name}' must pass AuthorizationLevel.Anonymous first");
        var methods = positional.Skip(1).Select(a => Resolve(a.Expression, location)).OfType<string>()
            .Select(m => m.ToUpperInvariant()).ToList();
        var routeArgument = arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.Text == "Route");
        if (methods.Count == 0 || routeArgument is null)
        {
            problems.Add($"{location}: HTTP function '{name}' must name its methods and a Route");
            return null;
        }
        var route = Resolve(routeArgument.Expression, location);
        if (route is null) return null;
        var parameterNames = parameters.Select(p => p.Identifier.Text).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var missing in RouteParameters(route).Where(p => !parameterNames.Contains(p)))
            problems.Add($"{location}: HTTP function '{name}' has no parameter for route value '{{{missing}}}'");
        return new DeclaredFunction(name, location, TriggerKind.Http, NormalizeRoute(route), methods);
    }

    public static string NormalizeRoute(string route) => route.Trim('/');

    private static IEnumerable<string> RouteParameters(string route) =>
        RouteParameter().Matches(route).Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"\{\**([^}:=?]+)")]
    private static partial Regex RouteParameter();

    private string? Resolve(ExpressionSyntax? expression, string location)
    {
        var value = Evaluate(expression, depth: 0);
        if (value is null)
            problems.Add($"{location}: cannot resolve '{expression}' to a string constant");
        return value;
    }

    private string? Evaluate(ExpressionSyntax? expression, int depth) => depth > 16 ? null : expression switch
    {
        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal.Token.ValueText,
        ParenthesizedExpressionSyntax parenthesized => Evaluate(parenthesized.Expression, depth + 1),
        BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) =>
            Evaluate(binary.Left, depth + 1) is { } left && Evaluate(binary.Right, depth + 1) is { } right ? left + right : null,
        InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.Text: "nameof" } } nameOf =>
            LastIdentifier(nameOf.ArgumentList.Arguments.Single().Expression),
        MemberAccessExpressionSyntax member => Constant(LastIdentifier(member.Expression), member.Name.Identifier.Text, depth),
        IdentifierNameSyntax identifier => Constant(null, identifier.Identifier.Text, depth),
        _ => null,
    };

    private string? Constant(string? type, string field, int depth)
    {
        var declared = sourceConstants.Where(c => c.Key.Field == field && (type is null || c.Key.Type == type)).ToList();
        if (declared.Count == 1) return Evaluate(declared[0].Value, depth + 1);
        return type is null ? null : CoreConstant(type, field);
    }

    private static string? CoreConstant(string type, string field) =>
        typeof(QueueNames).Assembly.GetTypes()
            .Where(t => t.Name == type)
            .Select(t => t.GetField(field, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
            .Select(f => (string?)f!.GetRawConstantValue())
            .SingleOrDefault();

    private static string? LastIdentifier(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.Text,
        MemberAccessExpressionSyntax member => member.Name.Identifier.Text,
        _ => null,
    };

    private static ExpressionSyntax? FirstArgument(AttributeSyntax attribute) =>
        attribute.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals is null)?.Expression;

    private static bool Is(AttributeSyntax attribute, string name)
    {
        var simple = attribute.Name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.Text,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.Text,
            SimpleNameSyntax plain => plain.Identifier.Text,
            _ => "",
        };
        return simple == name || simple == name + "Attribute";
    }

    private static string Describe(Location location)
    {
        var span = location.GetLineSpan();
        return $"{span.Path}:{span.StartLinePosition.Line + 1}";
    }
}
