using Halo.Core.IR.Types;

namespace Halo.Core.Operators.Onnx.NeuralNetwork;

/// <summary>Output setters that ignore results the operation does not have (a node may declare fewer outputs).</summary>
internal static class InferenceOutputs
{
    /// <summary>Sets the shape of result <paramref name="index"/> when it exists, keeping its element type.</summary>
    public static void SetShape(InferenceContext ctx, int index, Shape shape)
    {
        if (index < ctx.OutputCount)
        {
            ctx.SetOutputShape(index, shape);
        }
    }
}
