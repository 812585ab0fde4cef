using System.Numerics;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;

namespace Halo.Backends.Interpreter.Kernels.Nn;

/// <summary>
/// ONNX MaxPool and AveragePool over 1 to 3 spatial axes: kernel_shape, strides, dilations, pads,
/// auto_pad, ceil_mode, count_include_pad (average), storage_order and the optional Indices output (max).
/// </summary>
internal sealed unsafe partial class PoolKernel<T> : Kernel
    where T : unmanaged, INumber<T>
{
    private readonly AttributeMap _attributes;
    private readonly bool _max;
    private readonly bool _includePad;
    private readonly bool _ceil;
    private readonly bool _columnMajor;
    private readonly int[] _kernel;

    public PoolKernel(AttributeMap attributes, bool max)
    {
        _attributes = attributes;
        _max = max;
        _includePad = attributes.GetInt("count_include_pad", 0) != 0;
        _ceil = attributes.GetInt("ceil_mode", 0) != 0;
        _columnMajor = attributes.GetInt("storage_order", 0) != 0;
        _kernel = [.. (attributes.GetInts("kernel_shape") ?? throw new InvalidOperationException("kernel_shape is required.")).Select(k => checked((int)k))];
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        int spatial = x.Rank - 2;
        if (spatial != _kernel.Length)
        {
            throw new InvalidOperationException($"Input {ShapeMath.Format(x.Shape)} does not match kernel_shape of rank {_kernel.Length}.");
        }
        var g = SpatialGeometry.Compute(x.Shape[2..], _kernel, _attributes, _ceil);
        int[] shape = [x.Shape[0], x.Shape[1], .. g.OutputShape(spatial)];
        var y = context.AllocateOutput(0, x.ElementType, shape);
        var indices = _max && context.OutputCount > 1 ? context.AllocateOutput(1, ElementType.Int64, shape) : null;
        if (_max && indices is null && typeof(T) == typeof(float) && MaxPool2d.Supports(g))
        {
            MaxPool2d.Run(g, (float*)x.Address, (float*)y.Address, x.Shape[0] * x.Shape[1], context.Workers);
            return;
        }
        var body = new Planes(this, g, (T*)x.Address, (T*)y.Address, indices is null ? null : (long*)indices.Address);
        int planes = x.Shape[0] * x.Shape[1];
        context.Workers.For(planes, context.Workers.ChunksFor((long)planes * g.OutputSize * g.KernelSize, 1 << 14), ref body);
    }

    private void MaxPlane(SpatialGeometry g, T* src, T* dst, long* indices, long planeOffset)
    {
        int o = 0;
        for (int od = 0; od < g.Output[0]; od++)
        {
            for (int oh = 0; oh < g.Output[1]; oh++)
            {
                for (int ow = 0; ow < g.Output[2]; ow++, o++)
                {
                    var (best, value) = MaxWindow(g, src, od, oh, ow);
                    dst[o] = value;
                    if (indices is not null)
                    {
                        indices[o] = planeOffset + (_columnMajor ? ColumnMajor(g, best) : best);
                    }
                }
            }
        }
    }

    private void AveragePlane(SpatialGeometry g, T* src, T* dst)
    {
        int o = 0;
        for (int od = 0; od < g.Output[0]; od++)
        {
            for (int oh = 0; oh < g.Output[1]; oh++)
            {
                for (int ow = 0; ow < g.Output[2]; ow++, o++)
                {
                    var (sum, count) = SumWindow(g, src, od, oh, ow);
                    if (_includePad)
                    {
                        count = CountPadded(g, od, oh, ow);
                    }
                    dst[o] = count == 0 ? T.Zero : sum / T.CreateChecked(count);
                }
            }
        }
    }

    /// <summary>The first maximum of the window at (od, oh, ow) inside the input, and its offset.</summary>
    private static (long Index, T Value) MaxWindow(SpatialGeometry g, T* src, int od, int oh, int ow)
    {
        long best = -1;
        T value = T.Zero;
        for (int kd = 0; kd < g.Kernel[0]; kd++)
        {
            int id = od * g.Stride[0] - g.PadBegin[0] + kd * g.Dilation[0];
            for (int kh = 0; kh < g.Kernel[1] && (uint)id < (uint)g.Input[0]; kh++)
            {
                int ih = oh * g.Stride[1] - g.PadBegin[1] + kh * g.Dilation[1];
                if ((uint)ih >= (uint)g.Input[1])
                {
                    continue;
                }
                long row = ((long)id * g.Input[1] + ih) * g.Input[2];
                for (int kw = 0; kw < g.Kernel[2]; kw++)
                {
                    int iw = ow * g.Stride[2] - g.PadBegin[2] + kw * g.Dilation[2];
                    if ((uint)iw < (uint)g.Input[2] && (best < 0 || src[row + iw] > value || T.IsNaN(src[row + iw]) && !T.IsNaN(value)))
                    {
                        best = row + iw;
                        value = src[best];
                    }
                }
            }
        }
        return (best, value);
    }

    /// <summary>The sum and count of the window at (od, oh, ow) inside the input.</summary>
    private static (T Sum, int Count) SumWindow(SpatialGeometry g, T* src, int od, int oh, int ow)
    {
        T sum = T.Zero;
        int count = 0;
        for (int kd = 0; kd < g.Kernel[0]; kd++)
        {
            int id = od * g.Stride[0] - g.PadBegin[0] + kd * g.Dilation[0];
            for (int kh = 0; kh < g.Kernel[1] && (uint)id < (uint)g.Input[0]; kh++)
            {
                int ih = oh * g.Stride[1] - g.PadBegin[1] + kh * g.Dilation[1];
                if ((uint)ih >= (uint)g.Input[1])
                {
                    continue;
                }
                long row = ((long)id * g.Input[1] + ih) * g.Input[2];
                for (int kw = 0; kw < g.Kernel[2]; kw++)
                {
                    int iw = ow * g.Stride[2] - g.PadBegin[2] + kw * g.Dilation[2];
                    if ((uint)iw < (uint)g.Input[2])
                    {
                        sum += src[row + iw];
                        count++;
                    }
                }
            }
        }
        return (sum, count);
    }

    /// <summary>ONNX count_include_pad: window positions inside the padded input (not past the end padding).</summary>
    private static int CountPadded(SpatialGeometry g, int od, int oh, int ow)
    {
        int count = 1;
        Span<int> o = [od, oh, ow];
        for (int a = 0; a < SpatialGeometry.Rank; a++)
        {
            int n = 0;
            for (int k = 0; k < g.Kernel[a]; k++)
            {
                int i = o[a] * g.Stride[a] - g.PadBegin[a] + k * g.Dilation[a];
                if (i >= -g.PadBegin[a] && i < g.Input[a] + g.PadEnd[a])
                {
                    n++;
                }
            }
            count *= n;
        }
        return count;
    }

    private static long ColumnMajor(SpatialGeometry g, long rowMajor)
    {
        long w = rowMajor % g.Input[2], h = rowMajor / g.Input[2] % g.Input[1], d = rowMajor / ((long)g.Input[2] * g.Input[1]);
        return d + g.Input[0] * (h + (long)g.Input[1] * w);
    }
}
