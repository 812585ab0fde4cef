using Halo.Backends.Interpreter;
using Halo.Tests.TestSupport;
using NUnit.Framework;
using static Halo.Tests.Backends.Interpreter.InterpreterTestGraphs;

namespace Halo.Tests.Backends.Interpreter;

[TestFixture]
public sealed class PoolKernelTests
{
    [Test]
    public void MaxPool_2x2Stride2_TakesBlockMaxima()
    {
        var y = Run("MaxPool", Attrs(("kernel_shape", new long[] { 2, 2 }), ("strides", new long[] { 2, 2 })), Iota(1, 1, 4, 4));
        TensorAssert.AllClose([5, 7, 13, 15], [1, 1, 2, 2], y);
    }

    [Test]
    public void MaxPool_3x3Stride2Pad1_LikeResNet()
    {
        var attrs = Attrs(("kernel_shape", new long[] { 3, 3 }), ("strides", new long[] { 2, 2 }), ("pads", new long[] { 1, 1, 1, 1 }));
        var y = Run("MaxPool", attrs, Iota(1, 1, 4, 4));
        TensorAssert.AllClose([5, 7, 13, 15], [1, 1, 2, 2], y);
    }

    [Test]
    public void MaxPool_Indices_AreFlatRowMajor()
    {
        var outputs = RunOp("MaxPool", Attrs(("kernel_shape", new long[] { 2, 2 })), 2, Iota(1, 2, 2, 2));
        TensorAssert.AllClose([3, 7], [1, 2, 1, 1], outputs[0]);
        Assert.That(outputs[1].ToArray<long>(), Is.EqualTo(new long[] { 3, 7 }));
    }

    [Test]
    public void MaxPool_CeilMode_AddsPartialWindow()
    {
        var attrs = Attrs(("kernel_shape", new long[] { 2 }), ("strides", new long[] { 2 }), ("ceil_mode", 1L));
        var y = Run("MaxPool", attrs, F([1, 5, 2, 3, 9], 1, 1, 5));
        TensorAssert.AllClose([5, 3, 9], [1, 1, 3], y);
    }

    [Test]
    public void AveragePool_PadsExcluded_AveragesInsideOnly()
    {
        var attrs = Attrs(("kernel_shape", new long[] { 3 }), ("pads", new long[] { 1, 1 }));
        var y = Run("AveragePool", attrs, F([3, 6, 9], 1, 1, 3));
        TensorAssert.AllClose([4.5f, 6, 7.5f], [1, 1, 3], y);
    }

    [Test]
    public void AveragePool_CountIncludePad_DividesByWindow()
    {
        var attrs = Attrs(("kernel_shape", new long[] { 3 }), ("pads", new long[] { 1, 1 }), ("count_include_pad", 1L));
        var y = Run("AveragePool", attrs, F([3, 6, 9], 1, 1, 3));
        TensorAssert.AllClose([3, 6, 5], [1, 1, 3], y);
    }

    [Test]
    public void AveragePool_SameUpper_PadsAtEnd()
    {
        var attrs = Attrs(("kernel_shape", new long[] { 2, 2 }), ("auto_pad", "SAME_UPPER"));
        var y = Run("AveragePool", attrs, Iota(1, 1, 2, 2));
        TensorAssert.AllClose([1.5f, 2, 2.5f, 3], [1, 1, 2, 2], y);
    }

    [Test]
    public void GlobalAveragePool_Planes_AveragesEach()
    {
        var y = Run("GlobalAveragePool", null, Iota(1, 2, 2, 2));
        TensorAssert.AllClose([1.5f, 5.5f], [1, 2, 1, 1], y);
    }

    [Test]
    public void MaxPool_UInt8_ComparesBytes()
    {
        var y = Run("MaxPool", Attrs(("kernel_shape", new long[] { 2 })), Tensor.Create<byte>([1, 200, 3], 1, 1, 3));
        Assert.That(y.ToArray<byte>(), Is.EqualTo(new byte[] { 200, 200 }));
    }
}
