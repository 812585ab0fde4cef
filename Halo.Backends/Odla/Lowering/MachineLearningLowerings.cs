namespace Halo.Backends.Odla.Lowering;

/// <summary>The <c>ai.onnx.ml</c> operators that are compositions of ODLA calls: Binarizer and ArrayFeatureExtractor.</summary>
internal static class MachineLearningLowerings
{
    private const string Domain = "ai.onnx.ml";

    public static void Register(LoweringTableBuilder table) => table
        .Add("Binarizer", Binarizer, domain: Domain)
        .Add("ArrayFeatureExtractor", ArrayFeatureExtractor, domain: Domain);

    // ONNX-ML: 1 where x > threshold, else 0, in x's type.
    private static bool Binarizer(LoweringContext c)
    {
        var type = c.InputType(0).ElementType;
        string threshold = c.ScalarConstant(type, c.Float("threshold", 0f));
        string greater = c.Call("odla_Greater", $"{c.Value(0)}, {threshold}");
        return c.DefineCall(0, "odla_Cast", $"{greater}, {c.Module.OdlaElementType(type)}");
    }

    // ONNX-ML: the elements of x's last axis at the indices y; a 1-D x gives [1, k].
    private static bool ArrayFeatureExtractor(LoweringContext c)
    {
        long[] x = c.InputShape(0);
        long[] gathered = [.. x[..^1], .. c.InputShape(1)];
        string arguments = $"{c.Value(0)}, {c.Value(1)}, {LoweringContext.I(x.Length - 1)}";
        if (gathered.SequenceEqual(c.OutputShape()))
        {
            return c.DefineCall(0, "odla_Gather", $"{arguments}, {c.OutputShapeExpression()}");
        }
        string value = c.Call("odla_Gather", $"{arguments}, {c.Module.Shape(gathered)}");
        return c.DefineCall(0, "odla_Reshape", $"{value}, {c.OutputShapeExpression()}");
    }
}
