using Halo.Backends.Interpreter;
using Halo.Backends.Interpreter.Kernels;
using Halo.Backends.Interpreter.Planning;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Tests.TestSupport;
using NUnit.Framework;
using static Halo.Tests.Backends.Interpreter.InterpreterTestGraphs;

namespace Halo.Tests.Backends.Interpreter.Planning;

/// <summary>Reshape, Flatten, Identity, Squeeze and Unsqueeze outputs are views of their input's buffer: the
/// buffer must stay alive (and unwritten) as long as any view of it.</summary>
[TestFixture]
public sealed class ViewAliasingTests
{
    private static readonly float[] s_x = NaiveConv.RandomValues(64, 31);

    private static Dictionary<string, Tensor> Feeds() => new() { ["x"] = F(s_x, 1, 4, 4, 4) };

    private static float[] Relu(IEnumerable<float> values) => [.. values.Select(v => Math.Max(v, 0f))];

    /// <summary>a = Relu(x); f = Flatten(a) (output); h = Relu(Add(x, x)) (output): a's buffer, if freed after
    /// Flatten, would be reused for Add's or Relu's result and clobber f.</summary>
    private static Graph FlattenThenMoreWork()
    {
        var b = new GraphBuilder();
        var x = b.AddInput("x", TensorType.Of(ElementType.Float, 1, 4, 4, 4));
        var a = b.AddOp("Relu", x);
        b.AddOutput(b.AddOp("Flatten", a), "f");
        b.AddOutput(b.AddOp("Relu", b.AddOp("Add", x, x)), "h");
        return b.Build();
    }

    private static InferenceSession Session(Graph graph) =>
        InferenceSession.Create(graph, new InferenceSessionOptions { MaxDegreeOfParallelism = 2 }).Session!;

    [Test]
    public void Run_FlattenOutputOfLaterFreedValue_IsNotClobbered()
    {
        using var session = Session(FlattenThenMoreWork());

        var outputs = session.Run(Feeds());

        TensorAssert.AllClose(Relu(s_x), [1, 64], outputs["f"]);
        TensorAssert.AllClose(Relu(s_x.Select(v => 2 * v)), [1, 4, 4, 4], outputs["h"]);
    }

    [Test]
    public void Build_ViewKernels_GetNoBufferOfTheirOwn()
    {
        var plan = new PlanBuilder(FlattenThenMoreWork(), KernelTable.Default, null).Build(out _)!;
        var flatten = plan.Steps.Single(s => s.Kernel is IAliasingKernel);

        Assert.That(plan.Pooled[flatten.OutputSlots[0]], Is.False);
        Assert.That(plan.Pooled[flatten.InputSlots[0]], Is.True);
        Assert.That(plan.Steps.Any(s => s.ReleaseAfter.Contains(flatten.InputSlots[0])), Is.False, "a graph output's buffer lives to the end");
    }

    [Test]
    public void Run_ReshapeWhileInputStillUsed_BothReadTheSameValues()
    {
        var b = new GraphBuilder();
        var x = b.AddInput("x", TensorType.Of(ElementType.Float, 1, 4, 4, 4));
        var a = b.AddOp("Relu", x);
        var r = b.AddOp("Reshape", a, b.AddConstant("shape", TensorData.FromInt64s([1, 64], 2)));
        var s = b.AddOp("Add", r, r);
        var t = b.AddOp("Mul", a, a);
        b.AddOutput(s, "s");
        b.AddOutput(t, "t");
        using var session = Session(b.Build());

        var outputs = session.Run(Feeds());

        TensorAssert.AllClose(Relu(s_x).Select(v => 2 * v).ToArray(), [1, 64], outputs["s"]);
        TensorAssert.AllClose(Relu(s_x).Select(v => v * v).ToArray(), [1, 4, 4, 4], outputs["t"]);
    }

    [Test]
    public void Run_UnsqueezeSqueezeIdentityChain_KeepsValuesAndShapes()
    {
        var b = new GraphBuilder(opsets: new Dictionary<string, long> { [""] = 13 });
        var x = b.AddInput("x", TensorType.Of(ElementType.Float, 1, 4, 4, 4));
        var a = b.AddOp("Relu", x);
        var u = b.AddOp("Unsqueeze", a, b.AddConstant("axes", TensorData.FromInt64s([-1, 0], 2)));
        var q = b.AddOp("Squeeze", b.AddOp("Identity", u), b.AddConstant("squeeze_axes", TensorData.FromInt64s([0, 1], 2)));
        b.AddOutput(b.AddOp("Add", q, q), "y");
        b.AddOutput(u, "u");
        using var session = Session(b.Build());

        var outputs = session.Run(Feeds());

        Assert.That(outputs["u"].Shape.ToArray(), Is.EqualTo(new[] { 1, 1, 4, 4, 4, 1 }));
        TensorAssert.AllClose(Relu(s_x).Select(v => 2 * v).ToArray(), [4, 4, 4, 1], outputs["y"]);
    }

    [Test]
    public void Run_SecondRunWithViews_AllocatesNoNewBuffers()
    {
        using var session = Session(FlattenThenMoreWork());
        var first = session.Run(Feeds());
        long afterFirst = session.BufferAllocationCount;

        var second = session.Run(Feeds());

        Assert.That(session.BufferAllocationCount, Is.EqualTo(afterFirst));
        TensorAssert.AllClose(first["f"], second["f"], 0, 0);
        TensorAssert.AllClose(first["h"], second["h"], 0, 0);
    }

    [Test]
    public void Run_IdentityOfGraphInput_ReturnsACopy()
    {
        var b = new GraphBuilder();
        var x = b.AddInput("x", TensorType.Of(ElementType.Float, 1, 4, 4, 4));
        b.AddOutput(b.AddOp("Identity", x), "y");
        using var session = Session(b.Build());
        var feeds = Feeds();

        var y = session.Run(feeds)["y"];
        y.AsSpan<float>()[0] = 123f;

        Assert.That(feeds["x"].AsSpan<float>()[0], Is.EqualTo(s_x[0]));
    }

    [TestCase(new[] { 1, 3, 1, 2 }, null, new[] { 3, 2 })]
    [TestCase(new[] { 1, 3, 1, 2 }, new long[] { -2 }, new[] { 1, 3, 2 })]
    public void Squeezed_Axes_RemoveOnlyUnitDimensions(int[] shape, long[]? axes, int[] expected) =>
        Assert.That(Halo.Backends.Interpreter.Kernels.Movement.SqueezeKernel.Squeezed(shape, axes), Is.EqualTo(expected));

    [Test]
    public void Squeezed_NonUnitAxis_Throws() =>
        Assert.That(() => Halo.Backends.Interpreter.Kernels.Movement.SqueezeKernel.Squeezed(new[] { 2, 3 }, [0]),
            Throws.InvalidOperationException);

    [Test]
    public void Unsqueezed_NegativeAxes_CountFromOutputEnd() =>
        Assert.That(Halo.Backends.Interpreter.Kernels.Movement.SqueezeKernel.Unsqueezed(new[] { 3, 4 }, [0, -1]), Is.EqualTo(new[] { 1, 3, 4, 1 }));
}
