using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.Tensor.OpTest;

namespace Halo.Tests.Operators.Onnx.Tensor;

[TestFixture]
public sealed class ControlFlowOperatorsTests
{
    [Test]
    public void If_EqualBranches_KeepsTypes()
    {
        var t = new OpTest(13);
        var branch = Body(T(ElementType.Float, "N", 3L), new SequenceType(TensorType.Of(ElementType.Int64, 2)));
        var ys = t.Run("If", [t.Input(ElementType.Bool)], 2, ("then_branch", branch), ("else_branch", branch));
        Assert.That(ys, Is.EqualTo(new IrType[] { T(ElementType.Float, "N", 3L), new SequenceType(TensorType.Of(ElementType.Int64, 2)) }));
    }

    [Test]
    public void If_DifferingDims_BecomeUnknown()
    {
        var t = new OpTest(11);
        var y = t.Run1("If", [t.Input(ElementType.Bool, 1L)],
            ("then_branch", Body(TensorType.Of(ElementType.Float, 2, 3))), ("else_branch", Body(TensorType.Of(ElementType.Float, 4, 3))));
        Assert.That(y, Is.EqualTo(T(ElementType.Float, null, 3L)));
    }

    [Test]
    public void If_DifferingRanks_BecomeUnranked()
    {
        var t = new OpTest(16);
        var y = t.Run1("If", [t.Input(ElementType.Bool)],
            ("then_branch", Body(TensorType.Of(ElementType.Float, 2))), ("else_branch", Body(TensorType.Of(ElementType.Float, 2, 3))));
        Assert.That(y, Is.EqualTo(new TensorType(ElementType.Float, Shape.Unranked)));
    }

    [Test]
    public void If_DifferingElementTypes_ReportsHalo2005()
    {
        var t = new OpTest(13);
        t.Run1("If", [t.Input(ElementType.Bool)],
            ("then_branch", Body(TensorType.Of(ElementType.Float, 2))), ("else_branch", Body(TensorType.Of(ElementType.Int64, 2))));
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void If_OutputCountMismatch_ReportsHalo2005()
    {
        var t = new OpTest(13);
        var branch = Body(TensorType.Of(ElementType.Float, 2));
        t.Run("If", [t.Input(ElementType.Bool)], 2, ("then_branch", branch), ("else_branch", branch));
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void Loop_CarriedAndScanOutputs_FromBody()
    {
        var t = new OpTest(13);
        var body = Body(new TensorType(ElementType.Bool, Shape.Scalar), T(ElementType.Float, 2L, 3L), T(ElementType.Int64, "K"));
        var ys = t.Run("Loop", [t.Scalar(5L), ValueRef.None, t.Input(ElementType.Float, 2L, 3L)], 2, ("body", body));
        Assert.That(ys, Is.EqualTo(new IrType[] { TensorType.Of(ElementType.Float, 2, 3), T(ElementType.Int64, null, "K") }));
    }

    [Test]
    public void Loop_CarriedShapeChanges_MergesWithInitial()
    {
        var t = new OpTest(16);
        var body = Body(new TensorType(ElementType.Bool, Shape.Scalar), T(ElementType.Float, 3L, 3L));
        var y = t.Run1("Loop", [ValueRef.None, t.Input(ElementType.Bool), t.Input(ElementType.Float, 1L, 3L)], ("body", body));
        Assert.That(y, Is.EqualTo(T(ElementType.Float, null, 3L)));
    }

    [Test]
    public void Loop16_OptionalInitialSequenceBody_TakesBodyType()
    {
        var t = new OpTest(16);
        var seq = new SequenceType(new TensorType(ElementType.Float, Shape.Unranked));
        var body = Body(new TensorType(ElementType.Bool, Shape.Scalar), seq);
        var y = t.Run1("Loop", [t.Scalar(5L), ValueRef.None, t.Input(new OptionalType(seq))], ("body", body));
        Assert.That(y, Is.EqualTo(seq));
    }

    [Test]
    public void Loop_TooFewBodyOutputs_ReportsHalo2005()
    {
        var t = new OpTest(13);
        var body = Body(new TensorType(ElementType.Bool, Shape.Scalar));
        t.Run1("Loop", [t.Scalar(5L), ValueRef.None, t.Input(ElementType.Float, 2L)], ("body", body));
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void SequenceMap_Body_WrapsOutputsInSequences()
    {
        var t = new OpTest(17);
        var seq = t.Input(new SequenceType(T(ElementType.Float, "N")));
        var ys = t.Run("SequenceMap", [seq], 2, ("body", Body(T(ElementType.Float, "N"), T(ElementType.Int64))));
        Assert.That(ys, Is.EqualTo(new IrType[] { new SequenceType(T(ElementType.Float, "N")), new SequenceType(T(ElementType.Int64)) }));
    }

    [Test]
    public void SequenceMap_OutputCountMismatch_ReportsHalo2005()
    {
        var t = new OpTest(17);
        var seq = t.Input(new SequenceType(T(ElementType.Float, "N")));
        t.Run("SequenceMap", [seq], 2, ("body", Body(T(ElementType.Float, "N"))));
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void Scan9_StateAndScanOutputs_UseScanLength()
    {
        var t = new OpTest(11);
        var body = Body(TensorType.Of(ElementType.Float, 2), TensorType.Of(ElementType.Float, 2));
        var ys = t.Run("Scan", [t.Input(ElementType.Float, 2L), t.Input(ElementType.Float, "T", 2L)], 2,
            ("body", body), ("num_scan_inputs", 1L));
        Assert.That(ys, Is.EqualTo(new IrType[] { TensorType.Of(ElementType.Float, 2), T(ElementType.Float, "T", 2L) }));
    }

    [Test]
    public void Scan9_InputAndOutputAxes_AreHonoured()
    {
        var t = new OpTest(9);
        var body = Body(TensorType.Of(ElementType.Float, 3));
        var y = t.Run1("Scan", [t.Input(ElementType.Float, 3L, 5L)], ("body", body), ("num_scan_inputs", 1L),
            ("scan_input_axes", AInts(1)), ("scan_output_axes", AInts(-1)));
        Assert.That(y, Is.EqualTo(TensorType.Of(ElementType.Float, 3, 5)));
    }

    [Test]
    public void Scan8_BatchAxis_PrependsBatchAndSequence()
    {
        var t = new OpTest(8);
        var body = Body(TensorType.Of(ElementType.Float, 2), TensorType.Of(ElementType.Float, 2));
        var ys = t.Run("Scan", [ValueRef.None, t.Input(ElementType.Float, "B", 2L), t.Input(ElementType.Float, "B", 7L, 2L)], 2,
            ("body", body), ("num_scan_inputs", 1L));
        Assert.That(ys, Is.EqualTo(new IrType[] { T(ElementType.Float, "B", 2L), T(ElementType.Float, "B", 7L, 2L) }));
    }

    [Test]
    public void Scan_TooManyScanInputs_ReportsHalo2005()
    {
        var t = new OpTest(11);
        t.Run1("Scan", [t.Input(ElementType.Float, 3L)], ("body", Body(TensorType.Of(ElementType.Float))), ("num_scan_inputs", 2L));
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void Loop_MissingBody_ReportsHalo2005AndLeavesResultsUnknown()
    {
        var t = new OpTest(13);
        var ys = t.Run("Loop", [t.Scalar(5L), ValueRef.None, t.Input(ElementType.Float, 2L), t.Input(ElementType.Int64, 3L)], 2);
        Assert.That(t.HasHalo2005, Is.True);
        Assert.That(ys, Is.All.EqualTo(IrType.Unknown));
    }
}
