using Halo.Backends.Interpreter.Kernels.Linear;
using Halo.Core.IR;

namespace Halo.Backends.Interpreter.Kernels.Nn;

/// <summary>A constant Conv weight [M, C/group, k...] packed once, at session creation, into one
/// <see cref="PackedMatrix"/> per group ([M/group, C/group·kernel]); the pinned array owns the memory.</summary>
internal sealed unsafe class ConvWeights
{
    private readonly float[] _data;
    private readonly long _groupSize;

    private ConvWeights(float[] data, int[] shape, int groups, long groupSize)
    {
        _data = data;
        Shape = shape;
        Groups = groups;
        _groupSize = groupSize;
    }

    /// <summary>The weight's shape.</summary>
    public int[] Shape { get; }

    /// <summary>The number of groups.</summary>
    public int Groups { get; }

    /// <summary>Packs <paramref name="weight"/>; null when it is not a float tensor that splits into <paramref name="groups"/>.</summary>
    public static ConvWeights? TryPack(TensorData weight, int groups)
    {
        if (weight.ElementType != Halo.Core.IR.Types.ElementType.Float || weight.Dimensions.Length < 3 || groups < 1
            || weight.Dimensions[0] % groups != 0 || weight.ElementCount > int.MaxValue)
        {
            return null;
        }
        var tensor = Tensor.FromTensorData(weight);
        int[] shape = tensor.ShapeArray;
        int mg = shape[0] / groups, k = tensor.Length / Math.Max(1, shape[0]);
        long groupSize = PackedMatrix.Size(mg, k);
        var data = GC.AllocateArray<float>(checked((int)(groupSize * groups)), pinned: true);
        fixed (float* dst = data)
        {
            float* src = (float*)tensor.Address;
            for (int g = 0; g < groups; g++)
            {
                PackedMatrix.Pack(src + (long)g * mg * k, k, mg, k, dst + g * groupSize);
            }
        }
        // Only its address was used above: keep the unpacked copy alive until packing is done.
        GC.KeepAlive(tensor);
        return new ConvWeights(data, shape, groups, groupSize);
    }

    /// <summary>Whether these are the weights for a run with weight shape <paramref name="shape"/> and <paramref name="groups"/>.</summary>
    public bool Matches(ReadOnlySpan<int> shape, int groups) => groups == Groups && shape.SequenceEqual(Shape);

    /// <summary>The packed matrix of group <paramref name="group"/>.</summary>
    public PackedMatrix Group(int group)
    {
        int mg = Shape[0] / Groups, k = ShapeMath.Product(Shape, 1, Shape.Length);
        fixed (float* data = _data)
        {
            // The array lives on the pinned object heap: the address stays valid after the fixed block.
            return new PackedMatrix(data + group * _groupSize, mg, k);
        }
    }
}
