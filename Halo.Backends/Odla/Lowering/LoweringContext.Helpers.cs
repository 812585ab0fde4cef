using Halo.Core.IR.Types;

namespace Halo.Backends.Odla.Lowering;

internal sealed partial class LoweringContext
{
    /// <summary>The static output shape expression of output <paramref name="index"/>.</summary>
    public string OutputShapeExpression(int index = 0) => Module.Shape(OutputShape(index));

    /// <summary>The static output type expression of output <paramref name="index"/>.</summary>
    public string OutputTypeExpression(int index = 0) => Module.Type(OutputType(index).ElementType, OutputShape(index));

    /// <summary><c>odla_Op(x, id)</c>.</summary>
    public bool Unary(string function) => Define(0, $"{function}({Value(0)}, {OutputId()})");

    /// <summary><c>odla_Op(a, b, id)</c>.</summary>
    public bool Binary(string function) => Define(0, $"{function}({Value(0)}, {Value(1)}, {OutputId()})");

    /// <summary>A float literal.</summary>
    public static string F(double value) => Emit.CSyntax.Float(value);

    /// <summary>An integer literal.</summary>
    public static string I(long value) => Emit.CSyntax.Int(value);

    /// <summary>An <c>odla_bool</c> literal.</summary>
    public static string B(bool value) => Emit.CSyntax.Bool(value);

    /// <summary>Whether the operand's element type is one of <paramref name="types"/>.</summary>
    public bool InputIs(int index, params ElementType[] types) => types.Contains(InputType(index).ElementType);

    /// <summary>Emits a reshape of variable <paramref name="variable"/> to <paramref name="dims"/> under a fresh id and returns the new variable.</summary>
    public string EmitReshape(string variable, IReadOnlyCollection<long> dims)
    {
        string result = Module.NewVariable();
        Module.Define(result, $"odla_Reshape({variable}, {Module.Shape(dims)}, {Module.Id(null)})");
        return result;
    }
}
