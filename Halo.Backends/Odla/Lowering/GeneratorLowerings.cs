using System.Collections.Immutable;
using Halo.Core.Operators;
using Halo.Core.Semantics;

namespace Halo.Backends.Odla.Lowering;

/// <summary>Operators whose result is fixed once their operands' shapes (EyeLike) or constant operands (Range,
/// ConstantOfShape, the windows) are known: the result is computed at code generation with the operator's reference
/// semantics (the interpreter's truth) and emitted as a constant.</summary>
internal static class GeneratorLowerings
{
    public static void Register(LoweringTableBuilder table) => table
        .Add("EyeLike", c => EmitConstantResult(c, valuesMatter: false))
        .AddAll(["Range", "ConstantOfShape", "HannWindow", "HammingWindow", "BlackmanWindow"], _ => c => EmitConstantResult(c, valuesMatter: true));

    /// <summary>Evaluates the node on its constant operands (or, when only shapes matter, on zeros of its operands'
    /// static types) and defines its outputs as constants.</summary>
    private static bool EmitConstantResult(LoweringContext c, bool valuesMatter)
    {
        for (int i = 0; i < c.InputCount; i++)
        {
            if (c.HasInput(i) && (valuesMatter ? c.Constant(i) is null : !c.InputType(i).Shape.IsStatic))
            {
                return c.Unsupported(valuesMatter
                    ? $"operand {i} must be a constant (the result's shape depends on its values); bind it or fold it with the standard passes"
                    : $"operand {i} must have a static shape");
            }
        }
        if (!OperatorRegistry.Default.TryGetSchema(c.Op.Operator, out var schema))
        {
            return c.Unsupported("the operator has no reference semantics to compute its constant result");
        }
        ImmutableArray<RuntimeValue> results;
        try
        {
            results = ReferenceEvaluator.Default.EvaluateOperation(schema, c.Attributes, c.Op.OutputTypes,
                OdlaComposition.ShapeOnlyOperands(c), ImmutableDictionary<string, RuntimeValue>.Empty);
        }
        catch (EvaluationException e)
        {
            return c.Unsupported("computing its constant result failed: " + e.Message);
        }
        for (int k = 0; k < results.Length; k++)
        {
            if (results[k] is not TensorValue { Data: { ElementCount: > 0 } data })
            {
                return c.Unsupported("an empty result cannot be an ODLA constant");
            }
            var symbol = c.Module.ConstantSymbol(new Core.IR.Green.GreenConstant(data));
            c.Define(k, $"odla_CreateConstant({c.Module.Type(data.ElementType, [.. data.Dimensions])}, {symbol.Symbol}, {c.OutputId(k)})");
        }
        return true;
    }
}
