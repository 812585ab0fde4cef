using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Halo.Backends.Odla;
using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Tests.Backends.Interpreter;
using NUnit.Framework;

namespace Halo.Tests.Backends.Odla;

/// <summary>Small graphs built in code and their generated ODLA code.</summary>
internal static partial class OdlaTestGraphs
{
    public static AttributeMap Attrs(params (string Name, object Value)[] items) => InterpreterTestGraphs.Attrs(items);

    public static TensorType F32(params long[] dims) => TensorType.Of(ElementType.Float, dims);

    public static TensorData Ints(params long[] values) => TensorData.FromInt64s(values, values.Length);

    public static TensorData Floats(long[] dims, params float[] values) => TensorData.FromFloats(values, dims);

    /// <summary>One <paramref name="op"/> node whose operands are graph inputs (a <see cref="TensorType"/>, named
    /// x0, x1...), constants (<see cref="TensorData"/>, named c0, c1...) or omitted (null); outputs y0, y1...</summary>
    public static Graph SingleOp(string op, AttributeMap? attributes, int outputCount, params object?[] operands) =>
        SingleOp(op, attributes, outputCount, opset: null, operands);

    public static Graph SingleOp(string op, AttributeMap? attributes, int outputCount, long? opset, params object?[] operands)
    {
        var builder = new GraphBuilder(opsets: opset is { } v ? new Dictionary<string, long> { [""] = v } : null);
        var values = ImmutableArray.CreateBuilder<ValueRef>();
        for (int i = 0; i < operands.Length; i++)
        {
            values.Add(operands[i] switch
            {
                TensorType t => builder.AddInput("x" + i, t),
                TensorData d => builder.AddConstant("c" + i, d),
                null => ValueRef.None,
                _ => throw new ArgumentException("operand " + i),
            });
        }
        var outputs = builder.AddOp(op, values.ToImmutable(), attributes, outputCount, nodeName: "n");
        Assert.That(builder.Diagnostics, Is.Empty, "graph construction");
        for (int i = 0; i < outputs.Length; i++)
        {
            builder.AddOutput(outputs[i], "y" + i);
        }
        return builder.Build("g");
    }

    /// <summary>Generates code and asserts success.</summary>
    public static OdlaArtifacts Generate(Graph graph, OdlaCodeGenOptions? options = null)
    {
        var result = new OdlaCodeGenerator().Generate(graph, options ?? OdlaCodeGenOptions.Default with { EntryFunctionName = "m" });
        Assert.That(result.Diagnostics.Where(d => d.IsError), Is.Empty);
        Assert.That(result.Success, Is.True);
        return result.Artifacts!;
    }

    /// <summary>The build statement that calls <paramref name="function"/>, with array names replaced by their
    /// contents (<c>{1, 1}</c>) so tests read like the ODLA call.</summary>
    public static string Call(string source, string function)
    {
        var line = source.Split('\n').FirstOrDefault(l => l.Contains(function + "(", StringComparison.Ordinal))
            ?? throw new AssertionException($"no call to {function} in:\n{source}");
        return ArrayName().Replace(line.Trim(), m => ArrayOf(source, m.Value));
    }

    private static string ArrayOf(string source, string name)
    {
        var match = Regex.Match(source, @"static const \w+ " + name + @"\[\d+\] = (\{[^}]*\});");
        return match.Success ? match.Groups[1].Value : name;
    }

    [GeneratedRegex(@"\ba[0-9]+\b")]
    private static partial Regex ArrayName();
}
