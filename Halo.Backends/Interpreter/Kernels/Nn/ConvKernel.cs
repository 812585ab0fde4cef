using Halo.Backends.Interpreter.Kernels.Linear;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;

namespace Halo.Backends.Interpreter.Kernels.Nn;

/// <summary>
/// ONNX Conv (float32) over 1 to 3 spatial axes with groups, strides, dilations, explicit or automatic
/// padding and an optional bias. Depthwise convolutions run directly; others as im2col + SGEMM per group
/// (1×1 unstrided, unpadded kernels skip im2col).
/// </summary>
internal sealed unsafe class ConvKernel : Kernel
{
    private readonly AttributeMap _attributes;
    private readonly int _group;

    private ConvKernel(AttributeMap attributes)
    {
        _attributes = attributes;
        _group = checked((int)attributes.GetInt("group", 1));
    }

    public static KernelCreateResult Create(KernelCreateContext context)
    {
        if (context.InputType(0) is not (ElementType.Float or ElementType.Undefined))
        {
            return KernelCreateResult.BadType(context.InputType(0));
        }
        int rank = context.InputRank(1);
        return rank is -1 or (>= 3 and <= 5) ? new ConvKernel(context.Attributes)
            : KernelCreateResult.Unsupported($"a weight of rank {rank} (1 to 3 spatial axes are supported)");
    }

    public static void Register(KernelTable.Builder table) => table.Add("Conv", Create);

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var w = context.Input(1);
        var bias = context.OptionalInput(2);
        int n = x.Shape[0], c = x.Shape[1], m = w.Shape[0], spatial = x.Rank - 2;
        if (w.Rank != x.Rank || _group < 1 || c % _group != 0 || m % _group != 0 || w.Shape[1] != c / _group)
        {
            throw new InvalidOperationException($"Conv input {ShapeMath.Format(x.Shape)}, weight {ShapeMath.Format(w.Shape)} and group {_group} do not match.");
        }
        var g = SpatialGeometry.Compute(x.Shape[2..], w.Shape[2..], _attributes, ceilMode: false);
        var y = context.AllocateOutput(0, ElementType.Float, [n, m, .. g.OutputShape(spatial)]);
        var job = new ConvJob(g, (float*)x.Address, (float*)w.Address, bias is null ? null : (float*)bias.Address,
            (float*)y.Address, n, c, m, _group);
        if (c / _group == 1 && m / _group == 1)
        {
            DepthwiseConv.Run(job, context.ParallelOptions);
        }
        else
        {
            RunGemm(context, job);
        }
    }

    private static void RunGemm(KernelContext context, ConvJob job)
    {
        var g = job.Geometry;
        int cg = job.Channels / job.Groups, mg = job.Filters / job.Groups;
        int k = cg * g.KernelSize, p = g.OutputSize;
        bool direct = g.KernelSize == 1 && g.Stride.All(s => s == 1) && g.PadBegin.All(v => v == 0) && g.PadEnd.All(v => v == 0);
        var col = direct ? null : context.Allocate(ElementType.Float, [k, p]);
        try
        {
            for (int b = 0; b < job.Batch; b++)
            {
                for (int grp = 0; grp < job.Groups; grp++)
                {
                    float* xg = job.X + ((long)b * job.Channels + grp * cg) * g.InputSize;
                    float* src = xg;
                    if (col is not null)
                    {
                        src = (float*)col.Address;
                        Im2Col.Run(xg, cg, g, src, context.ParallelOptions);
                    }
                    float* yg = job.Y + ((long)b * job.Filters + grp * mg) * p;
                    Sgemm.Multiply(job.W + (long)grp * mg * k, k, src, p, yg, p, mg, p, k, false, context.ParallelOptions);
                }
            }
        }
        finally
        {
            if (col is not null)
            {
                context.Release(col);
            }
        }
        AddBias(job, p);
    }

    private static void AddBias(ConvJob job, int p)
    {
        if (job.Bias is null)
        {
            return;
        }
        for (int b = 0; b < job.Batch; b++)
        {
            for (int f = 0; f < job.Filters; f++)
            {
                var row = new Span<float>(job.Y + ((long)b * job.Filters + f) * p, p);
                System.Numerics.Tensors.TensorPrimitives.Add(row, job.Bias[f], row);
            }
        }
    }
}
