using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Operators.Onnx.Math.Semantics;
using static Halo.Core.Operators.Onnx.Math.MathTypeSets;
using static Halo.Core.Operators.Onnx.TypeSets;

namespace Halo.Core.Operators.Onnx.Math;

/// <summary>Type conversion and pass-through: Cast, CastLike, Identity, Dropout.</summary>
internal static class CastOperators
{
    public static void Register(OperatorSetBuilder s)
    {
        s.Define("Cast", 1).Input("input", "T1").Output("output", "T2").RequiredAttr("to", AttributeKind.String)
            .Constraint("T1", Cast6).Constraint("T2", Cast6).Infer(CastByName).Evaluate(CastKernels.Cast);
        Cast(s, 6, Cast6, saturate: false);
        Cast(s, 9, Cast9, saturate: false);
        Cast(s, 13, Cast13, saturate: false);
        Cast(s, 19, Cast19, saturate: true);
        Cast(s, 21, Cast21, saturate: true);
        Cast(s, 23, Cast23, saturate: true);
        CastLike(s, 15, CastLike15, saturate: false);
        CastLike(s, 19, Cast19, saturate: true);
        CastLike(s, 21, Cast21, saturate: true);
        CastLike(s, 23, Cast23, saturate: true);
        Identity(s, 1, AllNoBf16);
        Identity(s, 13, All);
        Identity(s, 14, Identity14);
        Identity(s, 16, Identity16);
        Identity(s, 19, Identity19);
        Identity(s, 21, Identity21);
        Identity(s, 23, Identity23);
        DropoutOperators.Register(s);
    }

    private static void Cast(OperatorSetBuilder s, int version, string[] types, bool saturate)
    {
        var b = s.Define("Cast", version).Input("input", "T1").Output("output", "T2").RequiredAttr("to", AttributeKind.Int)
            .Constraint("T1", types).Constraint("T2", types).Infer(CastByNumber).Evaluate(CastKernels.Cast);
        if (saturate)
        {
            b.Attr("saturate", AttributeKind.Int, 1L);
        }
    }

    private static void CastLike(OperatorSetBuilder s, int version, string[] types, bool saturate)
    {
        var b = s.Define("CastLike", version).Input("input", "T1").Input("target_type", "T2").Output("output", "T2")
            .Constraint("T1", types).Constraint("T2", types).Infer(MathInference.SameShape).Evaluate(CastKernels.CastLike);
        if (saturate)
        {
            b.Attr("saturate", AttributeKind.Int, 1L);
        }
    }

    private static void Identity(OperatorSetBuilder s, int version, string[] types) =>
        s.Define("Identity", version).Input("input", version >= 14 ? "V" : "T").Output("output", version >= 14 ? "V" : "T")
            .Constraint(version >= 14 ? "V" : "T", types).Infer(ShapeHelpers.SameAsInput(0)).Evaluate(CastKernels.Identity);

    private static void CastByNumber(InferenceContext ctx)
    {
        var to = MathInference.DataTypeAttr(ctx, "to", ElementType.Undefined);
        ctx.SetOutput(0, to, ctx.InputShape(0));
    }

    /// <summary>Cast-1 names the target type as a string (a TensorProto.DataType enum name such as FLOAT).</summary>
    private static void CastByName(InferenceContext ctx)
    {
        string? name = ctx.GetString("to", null);
        var to = ElementType.Undefined;
        if (ctx.Attr("to") is { Kind: AttributeKind.Int })
        {
            to = MathInference.DataTypeAttr(ctx, "to", ElementType.Undefined);
        }
        else if (name is null || !TryParseDataTypeName(name, out to))
        {
            ctx.Fail($"attribute to = '{name}' is not a data type name");
        }
        ctx.SetOutput(0, to, ctx.InputShape(0));
    }

    private static bool TryParseDataTypeName(string name, out ElementType type)
    {
        type = name.ToUpperInvariant() switch
        {
            "FLOAT" => ElementType.Float,
            "UINT8" => ElementType.UInt8,
            "INT8" => ElementType.Int8,
            "UINT16" => ElementType.UInt16,
            "INT16" => ElementType.Int16,
            "INT32" => ElementType.Int32,
            "INT64" => ElementType.Int64,
            "STRING" => ElementType.String,
            "BOOL" => ElementType.Bool,
            "FLOAT16" => ElementType.Float16,
            "DOUBLE" => ElementType.Double,
            "UINT32" => ElementType.UInt32,
            "UINT64" => ElementType.UInt64,
            _ => ElementType.Undefined,
        };
        return type != ElementType.Undefined;
    }
}
