using Halo.Backends.Odla.Emit;
using Halo.Core.IR.Types;

namespace Halo.Backends.Odla.Lowering;

/// <summary>Element-wise math, comparison, logic, Cast, Clip, Where and the value-forwarding operators.</summary>
internal static class ElementwiseLowerings
{
    private static readonly Dictionary<string, string> s_unary = new(StringComparer.Ordinal)
    {
        ["Abs"] = "odla_Abs", ["Acos"] = "odla_ACos", ["Acosh"] = "odla_ACosh", ["Asin"] = "odla_ASin", ["Asinh"] = "odla_ASinh",
        ["Atan"] = "odla_ATan", ["Atanh"] = "odla_ATanh", ["Ceil"] = "odla_Ceil", ["Cos"] = "odla_Cos", ["Cosh"] = "odla_Cosh",
        ["Erf"] = "odla_Erf", ["Exp"] = "odla_Exp", ["Floor"] = "odla_Floor", ["Log"] = "odla_Log", ["Neg"] = "odla_Neg",
        ["Not"] = "odla_Not", ["Reciprocal"] = "odla_Reciprocal", ["Round"] = "odla_Round", ["Sign"] = "odla_Sign",
        ["Sin"] = "odla_Sin", ["Sinh"] = "odla_Sinh", ["Sqrt"] = "odla_Sqrt", ["Tan"] = "odla_Tan", ["Tanh"] = "odla_Tanh",
        ["IsNaN"] = "odla_IsNaN",
    };

    private static readonly Dictionary<string, string> s_binary = new(StringComparer.Ordinal)
    {
        ["Add"] = "odla_Add", ["Sub"] = "odla_Sub", ["Mul"] = "odla_Mul", ["Div"] = "odla_Div", ["Pow"] = "odla_Pow",
        ["And"] = "odla_And", ["Or"] = "odla_Or", ["Xor"] = "odla_Xor", ["Equal"] = "odla_Equal", ["Greater"] = "odla_Greater",
        ["GreaterOrEqual"] = "odla_GreaterOrEqual", ["Less"] = "odla_Less", ["LessOrEqual"] = "odla_LessOrEqual",
    };

    public static void Register(LoweringTableBuilder table)
    {
        table.AddAll(s_unary.Keys, name => c => c.Unary(s_unary[name]))
            .AddAll(s_binary.Keys, name => c => c.Binary(s_binary[name]))
            .Add("Max", c => Chain(c, "odla_Max"))
            .Add("Min", c => Chain(c, "odla_Min"))
            .Add("Sum", c => Chain(c, "odla_Add"))
            .Add("Mean", c => c.InputCount == 1 ? c.Alias(0, 0)
                : c.Define(0, $"odla_Mean({c.Module.Values([.. Enumerable.Range(0, c.InputCount).Select(c.Value)])}, {c.OutputId()})"))
            .Add("Mod", c => c.Define(0, $"odla_Mod({c.Value(0)}, {c.Value(1)}, {LoweringContext.I(c.Int("fmod", 0))}, {c.OutputId()})"))
            .Add("BitShift", c => c.Define(0,
                $"odla_Shift({c.Value(0)}, {c.Value(1)}, {LoweringContext.B(c.String("direction", "LEFT") == "LEFT")}, {c.OutputId()})"))
            .Add("IsInf", c => c.Define(0, $"odla_IsInf({c.Value(0)}, {LoweringContext.B(c.Int("detect_positive", 1) != 0)}, " +
                $"{LoweringContext.B(c.Int("detect_negative", 1) != 0)}, {c.OutputId()})"))
            .Add("Where", c => c.Define(0, $"odla_Select({c.Value(0)}, {c.Value(1)}, {c.Value(2)}, {c.OutputShapeExpression()}, {c.OutputId()})"))
            .Add("Cast", Cast)
            .Add("Clip", Clip)
            .Add("Identity", c => c.Alias(0, 0))
            // ONNX: on a tensor (not an optional) OptionalGetElement is the identity.
            .Add("OptionalGetElement", c => c.Alias(0, 0), minVersion: 18)
            .Add("Dropout", Dropout);
    }

    /// <summary>Variadic Max/Min/Sum as a chain of binary calls (ODLA's are binary, broadcasting).</summary>
    private static bool Chain(LoweringContext c, string function)
    {
        if (c.InputCount == 1)
        {
            return c.Alias(0, 0);
        }
        string accumulated = c.Value(0);
        for (int i = 1; i < c.InputCount - 1; i++)
        {
            string next = c.Module.NewVariable();
            c.Module.Define(next, $"{function}({accumulated}, {c.Value(i)}, {c.Module.Id(null)})");
            accumulated = next;
        }
        return c.Define(0, $"{function}({accumulated}, {c.Value(c.InputCount - 1)}, {c.OutputId()})");
    }

    private static bool Cast(LoweringContext c) => CastTo(c, c.OutputType().ElementType);

    /// <summary>Output 0 = input 0 converted to <paramref name="target"/> (Cast, and CastLike with the second operand's
    /// type), honouring the <c>saturate</c> attribute.</summary>
    internal static bool CastTo(LoweringContext c, ElementType target)
    {
        if (OdlaTypes.ToOdla(target) is null)
        {
            return c.Unsupported($"ODLA has no element type for {target.GetName()}");
        }
        // ONNX: saturate (default 1) matters only for float8 targets; ODLA's odla_Cast has no such parameter.
        bool saturate = c.Int("saturate", 1) != 0;
        return saturate || !OdlaTypes.IsHaloExtension(target)
            ? c.Define(0, $"odla_Cast({c.Value(0)}, {c.Module.OdlaElementType(target)}, {c.OutputId()})")
            : c.Define(0, $"odla_HaloCast({c.Value(0)}, {c.Module.OdlaElementType(target)}, 0, {c.OutputId()})");
    }

    private static bool Clip(LoweringContext c)
    {
        double lo = float.NegativeInfinity;
        double hi = float.PositiveInfinity;
        if (c.Version < 11)
        {
            lo = c.Float("min", float.NegativeInfinity);
            hi = c.Float("max", float.PositiveInfinity);
        }
        else
        {
            for (int i = 1; i <= 2; i++)
            {
                if (!c.HasInput(i))
                {
                    continue;
                }
                if (c.ConstantDoubles(i) is not [double bound])
                {
                    return c.Unsupported($"input {i} ({(i == 1 ? "min" : "max")}) must be a constant scalar; fold it with the standard passes");
                }
                _ = i == 1 ? lo = bound : hi = bound;
            }
        }
        return c.Define(0, $"odla_Clamp({c.Value(0)}, {LoweringContext.F(lo)}, {LoweringContext.F(hi)}, {c.OutputId()})");
    }

    private static bool Dropout(LoweringContext c)
    {
        // ONNX: in inference (and in training with ratio 0) Dropout is the identity and its mask is all true.
        if (c.ConstantInts(2) is [not 0] && c.ConstantDoubles(1) is not [0])
        {
            return c.Unsupported("training_mode is true with a ratio other than 0; ODLA code runs inference only");
        }
        if (c.OutputCount > 1 && c.IsOutputUsed(1))
        {
            _ = c.FilledConstant(c.OutputType(1).ElementType, c.OutputShape(1), 1, output: 1);
        }
        return c.Alias(0, 0);
    }
}
