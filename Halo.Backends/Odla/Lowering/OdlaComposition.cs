using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;

namespace Halo.Backends.Odla.Lowering;

/// <summary>Building blocks of the lowerings that compose one operator from several ODLA calls: each emits one call
/// into the context's module and returns the new variable. <c>id</c> arguments default to a fresh
/// anonymous value id; pass <see cref="LoweringContext.OutputId"/> for a call that produces a node output.</summary>
internal static class OdlaComposition
{
    /// <summary>Emits <c>odla_value vN = EXPRESSION;</c> and returns <c>vN</c>.</summary>
    public static string Call(LoweringContext c, string expression)
    {
        string variable = c.Module.NewVariable();
        c.Module.Define(variable, expression);
        return variable;
    }

    /// <summary>A fresh anonymous value id.</summary>
    public static string TempId(LoweringContext c) => c.Module.Id(null);

    /// <summary>A constant computed at code generation (a mask, a window): stored with the model's weights.</summary>
    public static string Constant(LoweringContext c, TensorData data, string? id = null)
    {
        var symbol = c.Module.ConstantSymbol(new GreenConstant(data));
        return Call(c, $"odla_CreateConstant({c.Module.Type(data.ElementType, [.. data.Dimensions])}, {symbol.Symbol}, {id ?? TempId(c)})");
    }

    /// <summary>A one-element constant of <paramref name="type"/> (shape [1]: broadcasts against any operand).</summary>
    public static string Scalar(LoweringContext c, ElementType type, double value) =>
        Constant(c, TensorFactory.FromDoubles(type, [value], [1]));

    /// <summary>Values of <paramref name="type"/> in row-major order over <paramref name="dims"/>.</summary>
    public static TensorData Data(ElementType type, double[] values, params long[] dims) =>
        TensorFactory.FromDoubles(type, values, [.. dims]);

    public static string Reshape(LoweringContext c, string x, IReadOnlyCollection<long> dims, string? id = null) =>
        Call(c, $"odla_Reshape({x}, {c.Module.Shape(dims)}, {id ?? TempId(c)})");

    /// <summary><c>odla_Transpose</c> of an operand of shape <paramref name="dims"/> by <paramref name="perm"/>.</summary>
    public static string Transpose(LoweringContext c, string x, IReadOnlyList<long> dims, IReadOnlyList<long> perm, string? id = null) =>
        Call(c, $"odla_Transpose({x}, {c.Module.Shape([.. perm])}, {c.Module.Shape([.. perm.Select(p => dims[(int)p])])}, {id ?? TempId(c)})");

    public static string BatchMatMul(LoweringContext c, string a, string b, bool transposeB, IReadOnlyCollection<long> dims, string? id = null) =>
        Call(c, $"odla_BatchMatMul({a}, 0, {b}, {LoweringContext.B(transposeB)}, {c.Module.Shape(dims)}, {id ?? TempId(c)})");

    /// <summary>A binary call such as <c>odla_Add(a, b, id)</c> (ODLA broadcasts the operands).</summary>
    public static string Binary(LoweringContext c, string function, string a, string b, string? id = null) =>
        Call(c, $"{function}({a}, {b}, {id ?? TempId(c)})");

    /// <summary>A unary call such as <c>odla_Tanh(x, id)</c>.</summary>
    public static string Unary(LoweringContext c, string function, string x, string? id = null) =>
        Call(c, $"{function}({x}, {id ?? TempId(c)})");

    public static string Concat(LoweringContext c, IReadOnlyCollection<string> parts, int axis, IReadOnlyCollection<long> dims, string? id = null) =>
        Call(c, $"odla_Concat({c.Module.Values(parts)}, {LoweringContext.I(axis)}, {c.Module.Shape(dims)}, {id ?? TempId(c)})");

    public static string Select(LoweringContext c, string condition, string a, string b, IReadOnlyCollection<long> dims, string? id = null) =>
        Call(c, $"odla_Select({condition}, {a}, {b}, {c.Module.Shape(dims)}, {id ?? TempId(c)})");

    public static string Cast(LoweringContext c, string x, ElementType type, string? id = null) =>
        Call(c, $"odla_Cast({x}, {Emit.OdlaTypes.ToOdla(type)}, {id ?? TempId(c)})");

    /// <summary><c>odla_Slice</c> with unit strides over [<paramref name="begin"/>, <paramref name="end"/>).</summary>
    public static string Slice(LoweringContext c, string x, IReadOnlyList<long> begin, IReadOnlyList<long> end, string? id = null) =>
        Call(c, $"odla_Slice({x}, {c.Module.Int32Array(begin)}, {c.Module.Int32Array(end)}, {c.Module.Int32Array(begin.Select(_ => 1L))}, " +
            $"{c.Module.Shape([.. end.Select((e, i) => e - begin[i])])}, {id ?? TempId(c)})");

    /// <summary>The operands of an operation whose result depends only on operand shapes or constants, for the
    /// reference evaluator: constants as they are, other operands as zeros of their static type.</summary>
    public static ImmutableArray<RuntimeValue?> ShapeOnlyOperands(LoweringContext c) =>
        [.. Enumerable.Range(0, c.InputCount).Select(i => !c.HasInput(i) ? null
            : (RuntimeValue)new TensorValue(c.Constant(i) ?? TensorFactory.FromDoubles(c.InputType(i).ElementType,
                new double[c.InputType(i).Shape.ElementCount ?? 0], [.. c.InputShape(i)])))];
}
