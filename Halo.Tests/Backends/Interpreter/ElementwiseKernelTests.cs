using Halo.Backends.Interpreter;
using Halo.Core.IR.Types;
using Halo.Tests.TestSupport;
using NUnit.Framework;
using static Halo.Tests.Backends.Interpreter.InterpreterTestGraphs;

namespace Halo.Tests.Backends.Interpreter;

[TestFixture]
public sealed class ElementwiseKernelTests
{
    [Test]
    public void Add_SameShapes_AddsElementwise()
    {
        var y = Run("Add", null, F([1, 2, 3, 4], 2, 2), F([10, 20, 30, 40], 2, 2));
        TensorAssert.AllClose([11, 22, 33, 44], [2, 2], y);
    }

    [Test]
    public void Sub_ChannelBroadcast_SubtractsPerChannel()
    {
        // [1,2,1,2] - [2,1,1] => channel c subtracts c+1.
        var y = Run("Sub", null, F([5, 6, 7, 8], 1, 2, 1, 2), F([1, 2], 2, 1, 1));
        TensorAssert.AllClose([4, 5, 5, 6], [1, 2, 1, 2], y);
    }

    [Test]
    public void Mul_ScalarOnLeft_Broadcasts()
    {
        var y = Run("Mul", null, F([3], []), F([1, 2, 3], 3));
        TensorAssert.AllClose([3, 6, 9], [3], y);
    }

    [Test]
    public void Div_RowAndColumnVectors_BroadcastToMatrix()
    {
        var y = Run("Div", null, F([2, 4, 6], 3, 1), F([1, 2], 1, 2));
        TensorAssert.AllClose([2, 1, 4, 2, 6, 3], [3, 2], y);
    }

    [Test]
    public void Add_Int64_AddsExactly()
    {
        var y = Run("Add", null, L([1, long.MaxValue - 1], 2), L([2, 1], 2));
        Assert.That(y.ToArray<long>(), Is.EqualTo(new[] { 3, long.MaxValue }));
    }

    [Test]
    public void Div_UInt8_Truncates()
    {
        var y = Run("Div", null, Tensor.Create<byte>([7, 9], 2), Tensor.Create<byte>([2, 3], 2));
        Assert.That(y.ToArray<byte>(), Is.EqualTo(new byte[] { 3, 3 }));
    }

    [Test]
    public void Add_LargeBroadcast_MatchesScalarLoop()
    {
        // Big enough to take the parallel path.
        var a = Iota(2, 64, 32, 32);
        var b = Iota(64, 1, 1);
        var y = Run("Add", null, a, b);
        var expected = a.ToArray<float>();
        for (int i = 0; i < expected.Length; i++)
        {
            expected[i] += i / 1024 % 64;
        }
        TensorAssert.AllClose(expected, [2, 64, 32, 32], y, 0, 0);
    }

    [Test]
    public void Add_ShapesDoNotBroadcast_ThrowsNamingNode()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => RunWithDynamicShapes());
        Assert.That(ex!.Message, Does.Contain("node"));
    }

    [Test]
    public void Div_Int32ByZero_ThrowsInvalidOperationNamingNode()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Run("Div", null, Tensor.Create<int>([1, 2], 2), Tensor.Create<int>([1, 0], 2)));
        Assert.That(ex!.Message, Does.Contain("'node'"));
    }

    [Test]
    public void Relu_Negatives_BecomeZero()
    {
        var y = Run("Relu", null, F([-1, 0, 2, -3.5f], 4));
        TensorAssert.AllClose([0, 0, 2, 0], [4], y);
    }

    [Test]
    public void Clip_OperandBounds_Clamp()
    {
        var y = Run("Clip", null, F([-2, 0.5f, 9], 3), F([0], []), F([6], []));
        TensorAssert.AllClose([0, 0.5f, 6], [3], y);
    }

    [Test]
    public void Clip_MissingMin_ClampsAboveOnly()
    {
        var y = Run("Clip", null, F([-2, 0.5f, 9], 3), null, F([1], []));
        TensorAssert.AllClose([-2, 0.5f, 1], [3], y);
    }

    [Test]
    public void Clip_MinAboveMax_GivesMax()
    {
        var y = Run("Clip", null, F([-2, 0.5f, 9], 3), F([2], []), F([1], []));
        TensorAssert.AllClose([1, 1, 1], [3], y);
    }

    [Test]
    public void Clip_Opset6Attributes_Clamp()
    {
        var y = RunOp("Clip", Attrs(("min", -1f), ("max", 1f)), 1, 6, F([-2, 0.5f, 9], 3))[0];
        TensorAssert.AllClose([-1, 0.5f, 1], [3], y);
    }

    [Test]
    public void Clip_Int32NoBounds_Copies()
    {
        var y = Run("Clip", null, Tensor.Create<int>([-5, 7], 2));
        Assert.That(y.ToArray<int>(), Is.EqualTo(new[] { -5, 7 }));
        Assert.That(y.ElementType, Is.EqualTo(ElementType.Int32));
    }

    private static void RunWithDynamicShapes()
    {
        var builder = new Halo.Core.IR.GraphBuilder();
        var a = builder.AddInput("a", new TensorType(ElementType.Float, Shape.OfRank(1)));
        var b = builder.AddInput("b", new TensorType(ElementType.Float, Shape.OfRank(1)));
        builder.AddOutput(builder.AddOp("Add", [a, b], nodeName: "node")[0], "y");
        using var session = InferenceSession.Create(builder.Build(), null).Session!;
        session.Run(new Dictionary<string, Tensor> { ["a"] = F([1, 2, 3], 3), ["b"] = F([1, 2], 2) });
    }
}
