using Halo.Core.IR;

namespace Halo.Backends.Interpreter.Kernels.Linear;

/// <summary>
/// A constant MatMul weight B [K, N] kept as Bᵀ packed for <see cref="PackedSgemm"/>: X·B is computed as
/// (Bᵀ·Xᵀ)ᵀ, so the weight takes the packed, cache-blocked A side, which the plain kernel would stream from memory
/// on every run. Packed once, at session creation; the pinned array owns the memory.
/// </summary>
internal sealed unsafe class TransposedPackedWeight
{
    private readonly float[] _data;

    private TransposedPackedWeight(float[] data, int k, int n)
    {
        _data = data;
        Depth = k;
        Width = n;
    }

    /// <summary>K, B's rows.</summary>
    public int Depth { get; }

    /// <summary>N, B's columns.</summary>
    public int Width { get; }

    /// <summary>Bᵀ packed: N rows of K.</summary>
    public PackedMatrix Matrix
    {
        get
        {
            fixed (float* data = _data)
            {
                // The array lives on the pinned object heap: the address stays valid after the fixed block.
                return new PackedMatrix(data, Width, Depth);
            }
        }
    }

    /// <summary>Packs a float [K, N] constant; null for any other tensor.</summary>
    public static TransposedPackedWeight? TryPack(TensorData? weight)
    {
        if (weight is not { ElementType: Halo.Core.IR.Types.ElementType.Float, Dimensions.Length: 2 } || weight.ElementCount > int.MaxValue / 2)
        {
            return null;
        }
        var tensor = Tensor.FromTensorData(weight);
        int k = tensor.Shape[0], n = tensor.Shape[1];
        var transposed = new float[(long)k * n];
        var data = GC.AllocateArray<float>(checked((int)PackedMatrix.Size(n, k)), pinned: true);
        fixed (float* t = transposed)
        fixed (float* dst = data)
        {
            MatrixTranspose.Transpose((float*)tensor.Address, k, n, t);
            PackedMatrix.Pack(t, k, n, k, dst);
        }
        // Only its address was used above: keep the source alive until packing is done.
        GC.KeepAlive(tensor);
        return new TransposedPackedWeight(data, k, n);
    }
}
