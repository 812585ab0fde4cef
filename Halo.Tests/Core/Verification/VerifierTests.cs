using NUnit.Framework;
using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Core.Operators;
using Halo.Core.Verification;
using Halo.Tests.TestSupport;

namespace Halo.Tests.Core.Verification;

[TestFixture]
public sealed class VerifierTests
{
    private static readonly Verifier s_verifier = new(TestOperators.Registry);
    private static readonly TensorType s_f2 = TensorType.Of(ElementType.Float, 2);

    private static Graph Single(GreenOp op, params GreenInput[] inputs) =>
        Graph.Create("g", [.. inputs], [op.Output(0)]);

    [Test]
    public void Verify_WellFormedGraph_ReportsNothing()
    {
        var b = new GraphBuilder(TestOperators.Registry);
        var x = b.AddInput("x", s_f2);
        b.AddOutput(b.AddOp("Add", x, x));

        Assert.That(s_verifier.Verify(b.Build()), Is.Empty);
    }

    [Test]
    public void Verify_UnknownOperator_ReportsHALO2001()
    {
        var x = new GreenInput(s_f2);
        var op = GreenOp.Create(new OperatorId("", "Frobnicate", 1), [x.Output(0)], AttributeMap.Empty, [s_f2]);

        var d = s_verifier.Verify(Single(op, x), "m.onnx").Single();

        Assert.That(d.Id, Is.EqualTo("HALO2001"));
        Assert.That(d.ToString(), Does.StartWith("m.onnx: error HALO2001").And.Contain("Frobnicate #1"));
    }

    [Test]
    public void Verify_MissingOperand_ReportsHALO2002()
    {
        var x = new GreenInput(s_f2);
        var op = GreenOp.Create(new OperatorId("", "Add", 14), [x.Output(0)], AttributeMap.Empty, [s_f2]);

        Assert.That(s_verifier.Verify(Single(op, x)).Select(d => d.Id), Does.Contain("HALO2002"));
    }

    [Test]
    public void Verify_TypeOutsideConstraint_ReportsHALO2003()
    {
        var x = new GreenInput(TensorType.Of(ElementType.Bool, 2));
        var t = TensorType.Of(ElementType.Bool, 2);
        var op = GreenOp.Create(new OperatorId("", "Add", 14), [x.Output(0), x.Output(0)], AttributeMap.Empty, [t]);

        Assert.That(s_verifier.Verify(Single(op, x)).Select(d => d.Id), Does.Contain("HALO2003"));
    }

    [Test]
    public void Verify_MixedTypesForOneConstraint_ReportsHALO2003()
    {
        var x = new GreenInput(s_f2);
        var y = new GreenInput(TensorType.Of(ElementType.Int64, 2));
        var op = GreenOp.Create(new OperatorId("", "Add", 14), [x.Output(0), y.Output(0)], AttributeMap.Empty, [s_f2]);

        Assert.That(s_verifier.Verify(Single(op, x, y)).Select(d => d.Id), Does.Contain("HALO2003"));
    }

    [Test]
    public void Verify_UnknownAndMistypedAttributes_ReportHALO2004()
    {
        var x = new GreenInput(s_f2);
        var attrs = AttributeMap.Create(new Dictionary<string, AttributeValue>
        {
            ["bogus"] = AttributeValue.FromInt(1),
            ["axis"] = AttributeValue.FromString("zero"),
        });
        var op = GreenOp.Create(new OperatorId("", "Split", 18), [x.Output(0)], attrs, [s_f2]);

        var ids = s_verifier.Verify(Single(op, x)).Select(d => d.Id).ToList();

        Assert.That(ids.Count(i => i == "HALO2004"), Is.EqualTo(2));
    }

    [Test]
    public void Verify_IncompatibleShapes_ReportsHALO2005()
    {
        var x = new GreenInput(s_f2);
        var y = new GreenInput(TensorType.Of(ElementType.Float, 3));
        var op = GreenOp.Create(new OperatorId("", "Add", 14), [x.Output(0), y.Output(0)], AttributeMap.Empty, [IrType.Unknown]);

        Assert.That(s_verifier.Verify(Single(op, x, y)).Select(d => d.Id), Does.Contain("HALO2005"));
    }

    [Test]
    public void Verify_StoredTypeContradictsInference_ReportsHALO2007()
    {
        var x = new GreenInput(s_f2);
        var op = GreenOp.Create(new OperatorId("", "Relu", 14), [x.Output(0)], AttributeMap.Empty, [TensorType.Of(ElementType.Float, 5)]);

        Assert.That(s_verifier.Verify(Single(op, x)).Select(d => d.Id), Does.Contain("HALO2007"));
    }

    [Test]
    public void Verify_CaptureOfUndefinedOuterValue_ReportsHALO2008()
    {
        var sub = new GraphBuilder(TestOperators.Registry);
        sub.AddOutput(sub.AddCapture("nowhere", s_f2));
        var b = new GraphBuilder(TestOperators.Registry);
        var cond = b.AddInput("c", TensorType.Of(ElementType.Bool));
        var attrs = AttributeMap.Create(new Dictionary<string, AttributeValue>
        {
            ["then_branch"] = AttributeValue.FromGraph(sub.Build("then")),
            ["else_branch"] = AttributeValue.FromGraph(sub.Build("else")),
        });
        b.AddOutput(b.AddOp("If", [cond], attrs, 1, nodeName: "branch")[0]);

        var d = s_verifier.Verify(b.Build()).Where(d => d.Id == "HALO2008").ToList();

        Assert.That(d, Has.Count.EqualTo(2));
        Assert.That(d[0].Location.SubgraphPath, Does.StartWith("branch."));
    }
}
