using Halo.Backends.Interpreter;
using Halo.Backends.Interpreter.Kernels;
using Halo.Backends.Interpreter.Kernels.Nn;
using Halo.Backends.Interpreter.Planning;
using Halo.Core.IR;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Tests.TestSupport;
using NUnit.Framework;
using static Halo.Tests.Backends.Interpreter.InterpreterTestGraphs;

namespace Halo.Tests.Backends.Interpreter.Planning;

[TestFixture]
public sealed class ActivationFusionTests
{
    private static readonly int[] s_xShape = [1, 3, 9, 9];
    private static readonly int[] s_wShape = [10, 3, 3, 3];
    private static readonly float[] s_x = NaiveConv.RandomValues(243, 21);
    private static readonly float[] s_w = NaiveConv.RandomValues(270, 22);
    private static readonly float[] s_bias = NaiveConv.RandomValues(10, 23);

    /// <summary>x → Conv(constant w, b, pad 1) → activation → y (and the Conv output as a second graph output when asked).</summary>
    private static Graph ConvThen(string activation, long opset, bool convIsOutput, Func<GraphBuilder, ValueRef, ValueRef>? build = null)
    {
        var b = new GraphBuilder(opsets: new Dictionary<string, long> { [""] = opset });
        var x = b.AddInput("x", TensorType.Of(ElementType.Float, 1, 3, 9, 9));
        var w = b.AddConstant("w", TensorData.FromFloats(s_w, 10, 3, 3, 3));
        var bias = b.AddConstant("b", TensorData.FromFloats(s_bias, 10));
        var conv = b.AddOp("Conv", [x, w, bias], Attrs(("pads", new long[] { 1, 1, 1, 1 })))[0];
        var y = build is not null ? build(b, conv) : b.AddOp(activation, conv);
        b.AddOutput(y, "y");
        if (convIsOutput)
        {
            b.AddOutput(conv, "conv");
        }
        return b.Build();
    }

    private static float[] Expected(float low, float high) =>
        [.. NaiveConv.Run(s_x, s_xShape, s_w, s_wShape, s_bias, new NaiveConv.Geometry(Pad: 1), out _).Select(v => Math.Min(Math.Max(v, low), high))];

    private static (ExecutionPlan Plan, IReadOnlyDictionary<string, Tensor> Outputs) Run(Graph graph)
    {
        var plan = new PlanBuilder(graph, KernelTable.Default, null).Build(out var diagnostics);
        Assert.That(plan, Is.Not.Null, string.Join("\n", diagnostics));
        var session = InferenceSession.Create(graph, new InferenceSessionOptions { MaxDegreeOfParallelism = 2 }).Session!;
        using (session)
        {
            return (plan!, session.Run(new Dictionary<string, Tensor> { ["x"] = F(s_x, s_xShape) }));
        }
    }

    [Test]
    public void Build_ConvThenRelu_FusesIntoOneStep()
    {
        var (plan, outputs) = Run(ConvThen("Relu", 14, convIsOutput: false));

        Assert.That(plan.Steps, Has.Count.EqualTo(1));
        Assert.That(plan.Steps[0].Kernel, Is.TypeOf<ConvKernel>().With.Property(nameof(ConvKernel.Low)).EqualTo(0f));
        TensorAssert.AllClose(Expected(0f, float.PositiveInfinity), [1, 10, 9, 9], outputs["y"], rtol: 1e-4, atol: 1e-5);
    }

    [Test]
    public void Build_ConvThenClipWithConstantBounds_FusesWithThoseBounds()
    {
        var graph = ConvThen("Clip", 13, convIsOutput: false, (b, conv) =>
            b.AddOp("Clip", conv, b.AddConstant("lo", TensorData.FromFloats([-0.25f])), b.AddConstant("hi", TensorData.FromFloats([0.5f]))));

        var (plan, outputs) = Run(graph);

        Assert.That(plan.Steps, Has.Count.EqualTo(1));
        TensorAssert.AllClose(Expected(-0.25f, 0.5f), [1, 10, 9, 9], outputs["y"], rtol: 1e-4, atol: 1e-5);
    }

    [Test]
    public void Build_ConvThenClipWithAttributes_FusesWithThoseBounds()
    {
        var graph = ConvThen("Clip", 6, convIsOutput: false, (b, conv) =>
            b.AddOp("Clip", [conv], Attrs(("min", 0f), ("max", 6f)))[0]);

        var (plan, outputs) = Run(graph);

        Assert.That(plan.Steps, Has.Count.EqualTo(1));
        TensorAssert.AllClose(Expected(0f, 6f), [1, 10, 9, 9], outputs["y"], rtol: 1e-4, atol: 1e-5);
    }

    [Test]
    public void Build_ConvOutputAlsoGraphOutput_KeepsActivationSeparate()
    {
        var (plan, outputs) = Run(ConvThen("Relu", 14, convIsOutput: true));

        Assert.That(plan.Steps, Has.Count.EqualTo(2));
        TensorAssert.AllClose(Expected(0f, float.PositiveInfinity), [1, 10, 9, 9], outputs["y"], rtol: 1e-4, atol: 1e-5);
        TensorAssert.AllClose(Expected(float.NegativeInfinity, float.PositiveInfinity), [1, 10, 9, 9], outputs["conv"], rtol: 1e-4, atol: 1e-5);
    }

    [Test]
    public void Build_ClipWithRuntimeBound_IsNotFused()
    {
        var b = new GraphBuilder(opsets: new Dictionary<string, long> { [""] = 13 });
        var x = b.AddInput("x", TensorType.Of(ElementType.Float, 1, 3, 9, 9));
        var hi = b.AddInput("hi", TensorType.Of(ElementType.Float));
        var conv = b.AddOp("Conv", x, b.AddConstant("w", TensorData.FromFloats(s_w, 10, 3, 3, 3)));
        b.AddOutput(b.AddOp("Clip", conv, ValueRef.None, hi), "y");

        var plan = new PlanBuilder(b.Build(), KernelTable.Default, null).Build(out _);

        Assert.That(plan!.Steps, Has.Count.EqualTo(2));
    }

    [Test]
    public void Create_ConstantWeights_ArePackedOnce()
    {
        var plan = new PlanBuilder(ConvThen("Relu", 14, convIsOutput: false), KernelTable.Default, null).Build(out _);

        Assert.That(((ConvKernel)plan!.Steps[0].Kernel).HasPackedWeights, Is.True);
    }
}
