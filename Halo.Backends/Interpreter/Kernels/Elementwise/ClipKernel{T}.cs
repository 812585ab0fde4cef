using System.Numerics;
using System.Numerics.Tensors;
using Halo.Core.IR.Attributes;

namespace Halo.Backends.Interpreter.Kernels.Elementwise;

/// <summary>Clip: min(max(x, low), high). Before opset 11 the bounds are float attributes; from 11 on
/// they are optional scalar operands of the input's type (absent = the type's range).</summary>
internal sealed class ClipKernel<T> : Kernel
    where T : unmanaged, INumber<T>, IMinMaxValue<T>
{
    private readonly bool _fromAttributes;
    private readonly T _low;
    private readonly T _high;

    public ClipKernel(AttributeMap attributes, bool fromAttributes)
    {
        _fromAttributes = fromAttributes;
        _low = fromAttributes ? T.CreateSaturating(attributes.GetFloat("min", float.MinValue)) : T.MinValue;
        _high = fromAttributes ? T.CreateSaturating(attributes.GetFloat("max", float.MaxValue)) : T.MaxValue;
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        T low = _low, high = _high;
        if (!_fromAttributes)
        {
            low = Bound(context.OptionalInput(1), low);
            high = Bound(context.OptionalInput(2), high);
        }
        var y = context.AllocateOutput(0, x.ElementType, x.ShapeArray);
        var dst = y.AsSpan<T>();
        TensorPrimitives.Max(x.AsSpan<T>(), low, dst);
        TensorPrimitives.Min(dst, high, dst);
    }

    private static T Bound(Tensor? t, T fallback) => t is null || t.Length == 0 ? fallback
        : t.Length == 1 ? t.AsSpan<T>()[0] : throw new InvalidOperationException("Clip bounds must be scalars.");
}
