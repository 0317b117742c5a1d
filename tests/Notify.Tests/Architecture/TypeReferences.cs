using System.Reflection;
using System.Reflection.Emit;

namespace Notify.Tests.Architecture;

/// <summary>
/// Every type a compiled type uses: in its signatures, attributes and method bodies (read from the IL), so
/// a reference counts whether it came through a <c>using</c>, a qualified name or <c>var</c>. Compiler-made
/// types (lambdas, async state machines) count for the type that declares them.
/// </summary>
public static class TypeReferences
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OperandType> Operands = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value, o => o.OperandType);

    /// <summary>The types of <paramref name="type"/>'s own assembly it refers to (itself and nested types excluded).</summary>
    public static IEnumerable<Type> Of(Type type)
    {
        var found = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null) return;
            if (t.HasElementType) { Add(t.GetElementType()); return; }
            if (t.IsGenericType && !t.IsGenericTypeDefinition)
            {
                foreach (var argument in t.GetGenericArguments()) Add(argument);
                t = t.GetGenericTypeDefinition();
            }
            if (!t.IsGenericParameter && t.Assembly == type.Assembly) found.Add(Outermost(t));
        }
        void AddMember(MemberInfo? member)
        {
            switch (member)
            {
                case Type t: Add(t); break;
                case FieldInfo f: Add(f.DeclaringType); Add(f.FieldType); break;
                case MethodBase m:
                    Add(m.DeclaringType);
                    foreach (var p in m.GetParameters()) Add(p.ParameterType);
                    if (m is MethodInfo mi) { Add(mi.ReturnType); if (mi.IsGenericMethod) foreach (var a in mi.GetGenericArguments()) Add(a); }
                    break;
            }
        }
        foreach (var t in WithNested(type))
        {
            Add(t.BaseType);
            foreach (var i in t.GetInterfaces()) Add(i);
            foreach (var a in t.CustomAttributes) Add(a.AttributeType);
            foreach (var f in t.GetFields(Declared)) AddMember(f);
            foreach (var p in t.GetProperties(Declared)) Add(p.PropertyType);
            foreach (var m in t.GetMethods(Declared).Cast<MethodBase>().Concat(t.GetConstructors(Declared)))
            {
                AddMember(m);
                foreach (var local in m.GetMethodBody()?.LocalVariables ?? []) Add(local.LocalType);
                foreach (var used in BodyMembers(m)) AddMember(used);
            }
        }
        found.Remove(type);
        return found;
    }

    public static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer) type = outer;
        return type;
    }

    private static IEnumerable<Type> WithNested(Type type) =>
        new[] { type }.Concat(type.GetNestedTypes(Declared).SelectMany(WithNested));

    /// <summary>The members and types named by the tokens of a method's IL.</summary>
    private static IEnumerable<MemberInfo> BodyMembers(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null) yield break;
        var typeArguments = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            short code = il[i++];
            if (code == 0xFE) code = unchecked((short)(0xFE00 | il[i++]));
            var operand = Operands[code];
            if (operand is OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType)
            {
                MemberInfo? member;
                try { member = method.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArguments, methodArguments); }
                catch (ArgumentException) { member = null; }
                if (member is not null) yield return member;
            }
            i += operand switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, i),
                _ => 4,
            };
        }
    }
}
