using Halo.Tests.TestSupport;
using NUnit.Framework;
using static Halo.Tests.Backends.Interpreter.InterpreterTestGraphs;

namespace Halo.Tests.Backends.Interpreter;

[TestFixture]
public sealed class NnKernelTests
{
    [Test]
    public void Softmax_LastAxis_NormalizesRows()
    {
        var y = Run("Softmax", null, F([0, 0, 1000, 1000], 2, 2));
        TensorAssert.AllClose([0.5f, 0.5f, 0.5f, 0.5f], [2, 2], y);
    }

    [Test]
    public void Softmax_Axis0Opset13_NormalizesColumns()
    {
        var y = Run("Softmax", Attrs(("axis", 0L)), F([0, 1, 0, 1], 2, 2));
        TensorAssert.AllClose([0.5f, 0.5f, 0.5f, 0.5f], [2, 2], y);
    }

    [Test]
    public void Softmax_Opset11Axis1_NormalizesFlattenedTail()
    {
        var y = RunOp("Softmax", null, 1, 11, F([0, 0, 0, 0], 1, 2, 2))[0];
        TensorAssert.AllClose([0.25f, 0.25f, 0.25f, 0.25f], [1, 2, 2], y);
    }

    [Test]
    public void BatchNormalization_Inference_NormalizesPerChannel()
    {
        // Channel 0: (x - 1) / sqrt(4) * 2 + 3 = x + 2; channel 1: (x - 0) / 1 * 1 + 0 = x.
        var y = Run("BatchNormalization", Attrs(("epsilon", 0f)), F([1, 3, 5, 7], 1, 2, 2), F([2, 1], 2), F([3, 0], 2), F([1, 0], 2), F([4, 1], 2));
        TensorAssert.AllClose([3, 5, 5, 7], [1, 2, 2], y);
    }

    [Test]
    public void BatchNormalization_TrainingMode_UsesBatchStatistics()
    {
        // One channel [1, 3]: mean 2, variance 1 => y = (x - 2) * 1 + 0; running mean = 0.5·0 + 0.5·2.
        var outputs = RunOp("BatchNormalization", Attrs(("epsilon", 0f), ("momentum", 0.5f), ("training_mode", 1L)), 3,
            F([1, 3], 1, 1, 2), F([1], 1), F([0], 1), F([0], 1), F([1], 1));
        TensorAssert.AllClose([-1, 1], [1, 1, 2], outputs[0]);
        TensorAssert.AllClose([1], [1], outputs[1]);
        TensorAssert.AllClose([1], [1], outputs[2]);
    }

    [Test]
    public void ReduceMean_SpatialAxesKeepDims_AveragesPlanes()
    {
        var y = RunOp("ReduceMean", Attrs(("axes", new long[] { 2, 3 })), 1, 13, Iota(1, 2, 2, 2))[0];
        TensorAssert.AllClose([1.5f, 5.5f], [1, 2, 1, 1], y);
    }

    [Test]
    public void ReduceMean_NoKeepDimsDefaultAxes_GivesScalar()
    {
        var y = Run("ReduceMean", Attrs(("keepdims", 0L)), Iota(2, 2));
        TensorAssert.AllClose([1.5f], [], y);
    }

    [Test]
    public void ReduceMean_Opset18AxesOperand_ReducesAxis()
    {
        var y = RunOp("ReduceMean", Attrs(("keepdims", 0L)), 1, 18, Iota(2, 3), L([-1], 1))[0];
        TensorAssert.AllClose([1, 4], [2], y);
    }
}
