using Halo.Backends.Interpreter;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using NUnit.Framework;

namespace Halo.Tests.Backends.Interpreter;

[TestFixture]
public sealed class ReferenceSemanticsKernelTests
{
    [Test]
    public void Run_OperatorWithoutFastKernel_UsesReferenceSemantics()
    {
        var b = new GraphBuilder(opsets: new Dictionary<string, long> { [""] = 17 });
        var x = b.AddInput("x", TensorType.Of(ElementType.Float, 2, 2));
        var abs = b.AddOp("Abs", x);
        b.AddOutput(b.AddOp("Relu", b.AddOp("Neg", abs)), "y");
        b.AddOutput(b.AddOp("Erf", abs), "e");
        using var session = InferenceSession.Create(b.Build(), options: null).Session!;

        var outputs = session.Run(new Dictionary<string, Tensor> { ["x"] = Tensor.Create<float>([-1f, 2f, -0.5f, 0f], 2, 2) });

        Assert.That(outputs["y"].ToArray<float>(), Is.EqualTo(new[] { 0f, 0f, 0f, 0f }));
        Assert.That(outputs["e"].ToArray<float>(), Is.EqualTo(new[] { 0.8427008f, 0.9953223f, 0.5204999f, 0f }).Within(1e-6f));
    }

    [Test]
    public void Create_OperatorUnknownToKernelsAndSemantics_ReportsHALO4001()
    {
        var b = new GraphBuilder(Halo.Tests.TestSupport.TestOperators.Registry);
        var x = b.AddInput("x", TensorType.Of(ElementType.Float, 4));
        b.AddOutput(b.AddOp("Everything", x), "y");

        var result = InferenceSession.Create(b.Build(), options: null);

        Assert.That(result.Session, Is.Null);
        Assert.That(result.Diagnostics.Select(d => d.Id), Does.Contain("HALO4001"));
    }

    [Test]
    public void Run_IfWhoseBranchCapturesAnOuterValue_EvaluatesTheTakenBranch()
    {
        var t = TensorType.Of(ElementType.Float, 2);
        var then = new GraphBuilder();
        then.AddOutput(then.AddOp("Neg", then.AddCapture("h", t)));
        var otherwise = new GraphBuilder();
        otherwise.AddOutput(otherwise.AddOp("Relu", otherwise.AddCapture("h", t)));
        var b = new GraphBuilder(opsets: new Dictionary<string, long> { [""] = 16 });
        var x = b.AddInput("x", t);
        var c = b.AddInput("c", TensorType.Of(ElementType.Bool));
        var h = b.Named(b.AddOp("Abs", x), "h");
        var attrs = Halo.Core.IR.Attributes.AttributeMap.Create(new Dictionary<string, Halo.Core.IR.Attributes.AttributeValue>
        {
            ["then_branch"] = Halo.Core.IR.Attributes.AttributeValue.FromGraph(then.Build("then")),
            ["else_branch"] = Halo.Core.IR.Attributes.AttributeValue.FromGraph(otherwise.Build("else")),
        });
        var ifOp = ((Halo.Core.IR.Green.GreenOp)b.AddOp("If", [c], attrs, 1)[0].Producer!).WithImplicitInputs([h]);
        var built = b.Build();
        var graph = Graph.Create("g", built.Inputs, [ifOp.Output(0)], built.ValueNames.SetItem(ifOp.Output(0), "y"));
        using var session = InferenceSession.Create(graph, options: null).Session!;

        var yes = session.Run(new Dictionary<string, Tensor> { ["x"] = Tensor.Create<float>([-1f, 2f], 2), ["c"] = Tensor.Create<bool>([true]) });

        Assert.That(yes["y"].ToArray<float>(), Is.EqualTo(new[] { -1f, -2f }));
    }
}
