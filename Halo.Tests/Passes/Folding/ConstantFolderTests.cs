using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Core.Operators;
using Halo.Passes.Folding;
using NUnit.Framework;

namespace Halo.Tests.Passes.Folding;

[TestFixture]
public sealed class ConstantFolderTests
{
    private static readonly Dictionary<string, long> s_opset = new() { [""] = 17 };

    private static AttributeMap Axis(long axis) => AttributeMap.Create(new Dictionary<string, AttributeValue> { ["axis"] = AttributeValue.FromInt(axis) });

    [Test]
    public void Rewrite_ShapeOfAValueWhoseShapeBecomesStaticInTheSameWalk_FoldsItInOneWalk()
    {
        // r = Reshape(x, Concat(Shape(x)[0], [-1])) is [?,?] until its target folds; Shape(r) feeds a second Reshape.
        // One walk must settle both: the second Shape only folds once r's type is re-inferred as [2,12].
        var b = new GraphBuilder(opsets: s_opset);
        var x = b.AddInput("x", TensorType.Of(ElementType.Float, 2, 3, 4));
        var zero = b.AddConstant("zero", TensorData.FromInt64s([0], 1));
        var batch = b.AddOp("Gather", [b.AddOp("Shape", x), zero], Axis(0), 1)[0];
        var target = b.AddOp("Concat", [batch, b.AddConstant("rest", TensorData.FromInt64s([-1], 1))], Axis(0), 1)[0];
        var r = b.AddOp("Reshape", x, target);
        var flat = b.AddOp("Reshape", x, b.AddOp("Shape", r));
        b.AddOutput(b.AddOp("Relu", flat), "y");
        var graph = b.Build();
        Assert.That(r.Producer!.OutputTypes[0], Is.Not.EqualTo(TensorType.Of(ElementType.Float, 2, 12)));

        var folded = new ConstantFolder(OperatorRegistry.Default).Rewrite(graph);

        var ops = folded.TopologicalOrder.OfType<GreenOp>().Select(o => o.Operator.Name).ToList();
        Assert.That(ops, Is.EqualTo(new[] { "Reshape", "Relu" }));
        Assert.That(folded.Outputs[0].Producer!.OutputTypes[0], Is.EqualTo(TensorType.Of(ElementType.Float, 2, 12)));
    }
}
