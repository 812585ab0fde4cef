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
}
