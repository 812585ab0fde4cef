using Halo.Backends.Interpreter;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Tests.TestSupport;
using NUnit.Framework;
using static Halo.Tests.Backends.Interpreter.InterpreterTestGraphs;

namespace Halo.Tests.Backends.Interpreter;

[TestFixture]
public sealed class MovementKernelTests
{
    [Test]
    public void Reshape_ZeroAndMinusOne_CopyAndInfer()
    {
        var y = Run("Reshape", null, Iota(2, 3, 4), L([0, -1], 2));
        TensorAssert.AllClose(Iota(2, 3, 4).ToArray<float>(), [2, 12], y, 0, 0);
    }

    [Test]
    public void Reshape_AllowZero_KeepsZeroSize()
    {
        var y = Run("Reshape", Attrs(("allowzero", 1L)), F([], 0, 3), L([3, 0], 2));
        Assert.That(y.Shape.ToArray(), Is.EqualTo(new[] { 3, 0 }));
    }

    [Test]
    public void Flatten_NegativeAxis_SplitsBeforeLastAxis()
    {
        var y = Run("Flatten", Attrs(("axis", -1L)), Iota(2, 3, 4));
        Assert.That(y.Shape.ToArray(), Is.EqualTo(new[] { 6, 4 }));
    }

    [Test]
    public void Flatten_AxisZero_GivesOneRow()
    {
        var y = Run("Flatten", Attrs(("axis", 0L)), Iota(2, 3));
        Assert.That(y.Shape.ToArray(), Is.EqualTo(new[] { 1, 6 }));
    }

    [Test]
    public void Transpose_Default_ReversesAxes()
    {
        var y = Run("Transpose", null, Iota(2, 3));
        TensorAssert.AllClose([0, 3, 1, 4, 2, 5], [3, 2], y, 0, 0);
    }

    [Test]
    public void Transpose_ChannelShuffle_MovesBlocks()
    {
        var y = Run("Transpose", Attrs(("perm", new long[] { 0, 2, 1, 3 })), Iota(1, 2, 2, 2));
        TensorAssert.AllClose([0, 1, 4, 5, 2, 3, 6, 7], [1, 2, 2, 2], y, 0, 0);
    }

    [Test]
    public void Shape_StartEnd_SlicesDimensions()
    {
        var y = Run("Shape", Attrs(("start", 1L), ("end", -1L)), Iota(2, 3, 4, 5));
        Assert.That(y.ToArray<long>(), Is.EqualTo(new long[] { 3, 4 }));
    }

    [Test]
    public void Gather_NegativeIndicesAxis1_PicksColumns()
    {
        var y = Run("Gather", Attrs(("axis", 1L)), Iota(2, 3), L([-1, 0], 2));
        TensorAssert.AllClose([2, 0, 5, 3], [2, 2], y, 0, 0);
    }

    [Test]
    public void Gather_ScalarIndex_DropsAxis()
    {
        var y = Run("Gather", null, Iota(3, 2), L([2], []));
        TensorAssert.AllClose([4, 5], [2], y, 0, 0);
    }

    [Test]
    public void Slice_NegativeStep_Reverses()
    {
        var y = Run("Slice", null, Iota(5), L([-1], 1), L([long.MinValue], 1), L([0], 1), L([-2], 1));
        TensorAssert.AllClose([4, 2, 0], [3], y, 0, 0);
    }

    [Test]
    public void Slice_OutOfBoundsEnd_Clamps()
    {
        var y = Run("Slice", null, Iota(2, 4), L([1], 1), L([1000], 1), L([1], 1));
        TensorAssert.AllClose([1, 2, 3, 5, 6, 7], [2, 3], y, 0, 0);
    }

    [Test]
    public void Slice_Opset1Attributes_Slice()
    {
        var attrs = Attrs(("starts", new long[] { 0, 1 }), ("ends", new long[] { 1, 3 }));
        var y = RunOp("Slice", attrs, 1, 1, Iota(2, 4))[0];
        TensorAssert.AllClose([1, 2], [1, 2], y, 0, 0);
    }

    [Test]
    public void Concat_NegativeAxis_JoinsColumns()
    {
        var y = Run("Concat", Attrs(("axis", -1L)), Iota(2, 1), F([7, 8, 9, 10], 2, 2));
        TensorAssert.AllClose([0, 7, 8, 1, 9, 10], [2, 3], y, 0, 0);
    }

    [Test]
    public void Concat_Strings_JoinsStrings()
    {
        var y = Run("Concat", Attrs(("axis", 0L)), Tensor.FromStrings(["a"], 1), Tensor.FromStrings(["b", "c"], 2));
        Assert.That(y.GetStrings().ToArray(), Is.EqualTo(new[] { "a", "b", "c" }));
    }

    [Test]
    public void Constant_ValueTensor_IsOutput()
    {
        var y = RunOp("Constant", Attrs(("value", TensorData.FromFloats([1, 2], 2))), 1)[0];
        TensorAssert.AllClose([1, 2], [2], y, 0, 0);
    }

    [Test]
    public void Identity_Int32_Copies()
    {
        var y = Run("Identity", null, Tensor.Create<int>([4, 5], 2));
        Assert.That(y.ToArray<int>(), Is.EqualTo(new[] { 4, 5 }));
        Assert.That(y.ElementType, Is.EqualTo(ElementType.Int32));
    }
}
