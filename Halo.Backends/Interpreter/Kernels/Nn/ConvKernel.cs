using Halo.Backends.Interpreter.Kernels.Linear;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;

namespace Halo.Backends.Interpreter.Kernels.Nn;

/// <summary>
/// ONNX Conv (float32) over 1 to 3 spatial axes with groups, strides, dilations, explicit or automatic
/// padding and an optional bias. Depthwise convolutions run directly; others as packed SGEMM per group, over
/// im2col columns or, for unstrided unpadded 1×1 kernels, over the input itself. Constant weights are packed
/// once, at session creation. The bias and a fused activation (Relu or Clip, see <see cref="WithActivation"/>)
/// are applied while each output tile is still in registers.
/// </summary>
internal sealed unsafe class ConvKernel : Kernel
{
    private readonly AttributeMap _attributes;
    private readonly int _group;
    private readonly ConvWeights? _weights;

    private ConvKernel(AttributeMap attributes, int group, ConvWeights? weights, float low, float high)
    {
        _attributes = attributes;
        _group = group;
        _weights = weights;
        Low = low;
        High = high;
    }

    /// <summary>The lower bound of the fused activation (negative infinity: none).</summary>
    public float Low { get; }

    /// <summary>The upper bound of the fused activation (positive infinity: none).</summary>
    public float High { get; }

    /// <summary>Whether constant weights were packed at creation.</summary>
    internal bool HasPackedWeights => _weights is not null;

    public static KernelCreateResult Create(KernelCreateContext context)
    {
        if (context.InputType(0) is not (ElementType.Float or ElementType.Undefined))
        {
            return KernelCreateResult.BadType(context.InputType(0));
        }
        int rank = context.InputRank(1);
        if (rank is not (-1 or (>= 3 and <= 5)))
        {
            return KernelCreateResult.Unsupported($"a weight of rank {rank} (1 to 3 spatial axes are supported)");
        }
        int group = checked((int)context.Attributes.GetInt("group", 1));
        var constant = context.ConstantInput(1);
        // PERF: depthwise weights are read directly; every other constant weight is packed for SGEMM once.
        bool depthwise = constant is { Dimensions.Length: >= 3 } w && w.Dimensions[1] == 1 && w.Dimensions[0] == group;
        var weights = constant is null || depthwise ? null : ConvWeights.TryPack(constant, group);
        return new ConvKernel(context.Attributes, group, weights, float.NegativeInfinity, float.PositiveInfinity);
    }

    public static void Register(KernelTable.Builder table) => table.Add("Conv", Create);

    /// <summary>This convolution followed by min(max(y, <paramref name="low"/>), <paramref name="high"/>).</summary>
    public ConvKernel WithActivation(float low, float high) => new(_attributes, _group, _weights, low, high);

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var w = context.Input(1);
        var bias = context.OptionalInput(2);
        int n = x.Shape[0], c = x.Shape[1], m = w.Shape[0], spatial = x.Rank - 2;
        if (w.Rank != x.Rank || _group < 1 || c % _group != 0 || m % _group != 0 || w.Shape[1] != c / _group
            || bias is not null && bias.Length != m)
        {
            throw new InvalidOperationException($"Conv input {ShapeMath.Format(x.Shape)}, weight {ShapeMath.Format(w.Shape)} and group {_group} do not match.");
        }
        var g = SpatialGeometry.Compute(x.Shape[2..], w.Shape[2..], _attributes, ceilMode: false);
        var y = context.AllocateOutput(0, ElementType.Float, [n, m, .. g.OutputShape(spatial)]);
        var job = new ConvJob(g, (float*)x.Address, (float*)w.Address, bias is null ? null : (float*)bias.Address,
            (float*)y.Address, n, c, m, _group);
        if (c / _group == 1 && m / _group == 1)
        {
            DepthwiseConv.Run(job, Low, High, context.Workers);
        }
        else
        {
            RunGemm(context, job, w);
        }
    }

    private void RunGemm(KernelContext context, ConvJob job, Tensor w)
    {
        var g = job.Geometry;
        int cg = job.Channels / job.Groups, mg = job.Filters / job.Groups;
        int k = cg * g.KernelSize, p = g.OutputSize;
        bool direct = g.KernelSize == 1 && g.Stride.All(s => s == 1) && g.PadBegin.All(v => v == 0) && g.PadEnd.All(v => v == 0);
        var col = direct ? null : context.Allocate(ElementType.Float, [k, p]);
        var weights = _weights is { } packed && packed.Matches(w.Shape, job.Groups) ? packed : null;
        var scratch = weights is null ? context.Allocate(ElementType.Float, [checked((int)PackedMatrix.Size(mg, k))]) : null;
        try
        {
            for (int grp = 0; grp < job.Groups; grp++)
            {
                var a = weights?.Group(grp) ?? PackedMatrix.Pack(job.W + (long)grp * mg * k, k, mg, k, (float*)scratch!.Address);
                var epilogue = new GemmEpilogue(job.Bias is null ? null : job.Bias + grp * mg, Low, High);
                for (int b = 0; b < job.Batch; b++)
                {
                    float* xg = job.X + ((long)b * job.Channels + grp * cg) * g.InputSize;
                    float* src = xg;
                    if (col is not null)
                    {
                        src = (float*)col.Address;
                        Im2Col.Run(xg, cg, g, src, context.Workers);
                    }
                    float* yg = job.Y + ((long)b * job.Filters + grp * mg) * p;
                    PackedSgemm.Multiply(a, src, p, yg, p, p, epilogue, context.Workers);
                }
            }
        }
        finally
        {
            ReleaseIfNotNull(context, col);
            ReleaseIfNotNull(context, scratch);
        }
    }

    private static void ReleaseIfNotNull(KernelContext context, Tensor? t)
    {
        if (t is not null)
        {
            context.Release(t);
        }
    }
}
