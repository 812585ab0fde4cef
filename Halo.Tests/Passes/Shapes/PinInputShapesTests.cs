using Halo.Backends.Interpreter;
using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Passes.Shapes;
using Halo.Tests.TestSupport;
using NUnit.Framework;

namespace Halo.Tests.Passes.Shapes;

[TestFixture]
public sealed class PinInputShapesTests
{
    private static AttributeMap Axis(long axis) => AttributeMap.Create([new("axis", AttributeValue.FromInt(axis))]);

    /// <summary>y = Relu(Reshape(x, Concat(Gather(Shape(x), 0), [-1]))) with x [N,3,4].</summary>
    private static Graph ReshapeByBatch()
    {
        var b = new GraphBuilder(opsets: PassTestSupport.Opset17);
        var x = b.AddInput("x", new TensorType(ElementType.Float, Shape.Of(Dimension.Symbolic("N"), 3, 4)));
        var batch = b.AddOp("Gather", [b.AddOp("Shape", x), b.AddConstant("zero", TensorData.FromInt64s([0], 1))], Axis(0))[0];
        var target = b.AddOp("Concat", [batch, b.AddConstant("rest", TensorData.FromInt64s([-1], 1))], Axis(0))[0];
        b.AddOutput(b.AddOp("Relu", b.AddOp("Reshape", x, target)), "y");
        return b.Build();
    }

    [Test]
    public void Pin_BatchSizeOnSymbolicInput_MakesDownstreamShapesStaticAndKeepsOutputs()
    {
        var before = ReshapeByBatch();

        var after = PassTestSupport.Run(new PinInputShapes(new InputShapeOptions { BatchSize = 2 }), before);

        Assert.That(after.Inputs.Single().Type.ToString(), Is.EqualTo("f32[2,3,4]"));
        Assert.That(after.Outputs.Single().Type.ToString(), Is.EqualTo("f32[2,12]"));
        Assert.That(PassTestSupport.CountOps(after, "Shape") + PassTestSupport.CountOps(after, "Concat"), Is.Zero);
        Assert.That(after.NameOf(after.Inputs[0].Output(0)), Is.EqualTo("x"));
        PassTestSupport.AssertVerifies(after);
        PassTestSupport.AssertSameOutputs(before, after, PassTestSupport.RandomInputs(after));
    }

    [Test]
    public void Pin_UnknownBatchAsOne_PinsOnlyUnnamedInputsWithUnknownBatch()
    {
        var before = ReshapeByBatch();

        var pinned = PassTestSupport.Run(new PinInputShapes(new InputShapeOptions { UnknownBatchAsOne = true }), before);
        Assert.That(InputShapeParser.TryParse("x:5x3x4", out var shape, out _), Is.True);
        var named = PassTestSupport.Run(new PinInputShapes(new InputShapeOptions { UnknownBatchAsOne = true, Shapes = [shape!] }), before);

        Assert.That(pinned.Outputs.Single().Type.ToString(), Is.EqualTo("f32[1,12]"));
        Assert.That(named.Outputs.Single().Type.ToString(), Is.EqualTo("f32[5,12]"));
        PassTestSupport.AssertSameOutputs(before, pinned, PassTestSupport.RandomInputs(pinned));
    }

    [Test]
    public void Pin_InputShapeOption_OverridesDeclaredShape()
    {
        var before = ReshapeByBatch();
        Assert.That(InputShapeParser.TryParse("x:5x3x4", out var shape, out _), Is.True);

        var after = PassTestSupport.Run(new PinInputShapes(new InputShapeOptions { Shapes = [shape!] }), before);

        Assert.That(after.Outputs.Single().Type.ToString(), Is.EqualTo("f32[5,12]"));
        PassTestSupport.AssertSameOutputs(before, after, PassTestSupport.RandomInputs(after));
    }

    [Test]
    public void Pin_ShapesAlreadyDeclared_ReturnsSameModel()
    {
        var b = new GraphBuilder(opsets: PassTestSupport.Opset17);
        b.AddOutput(b.AddOp("Relu", b.AddInput("x", TensorType.Of(ElementType.Float, 2, 3))), "y");
        var model = new HaloModel(b.Build());

        var after = PassTestSupport.Run(new PinInputShapes(new InputShapeOptions { Shapes = [new InputShape("x", [2, 3])] }), model, out var diagnostics);

        Assert.That(after, Is.SameAs(model));
        Assert.That(diagnostics.Count, Is.Zero);
    }

    [TestCase("x")]
    [TestCase("x:")]
    [TestCase(":1x2")]
    [TestCase("x:1xa")]
    [TestCase("x:1x-2")]
    public void TryParse_MalformedText_ReportsHALO3101(string text)
    {
        Assert.That(InputShapeParser.TryParse(text, out _, out var diagnostic), Is.False);
        Assert.That(diagnostic!.Id, Is.EqualTo("HALO3101"));
        Assert.That(diagnostic.Message, Does.Contain(text));
    }

    [Test]
    public void TryParse_NameWithColon_SplitsAtLastColon()
    {
        Assert.That(InputShapeParser.TryParse("scope:in:1x3x10", out var shape, out _), Is.True);
        Assert.That(shape, Is.EqualTo(new InputShape("scope:in", [1, 3, 10])));
        Assert.That(shape!.ToString(), Is.EqualTo("scope:in:1x3x10"));
    }

    [Test]
    public void Pin_UnknownInputName_ReportsHALO3102AndKeepsModel()
    {
        var model = new HaloModel(ReshapeByBatch());

        var after = PassTestSupport.Run(new PinInputShapes(new InputShapeOptions { Shapes = [new InputShape("nope", [1, 3, 4])] }), model, out var diagnostics);

        Assert.That(after, Is.SameAs(model));
        var error = diagnostics.ToImmutable().Single();
        Assert.That(error.Id, Is.EqualTo("HALO3102"));
        Assert.That(error.Message, Does.Contain("nope").And.Contain("x"));
    }

    [Test]
    public void Pin_RankMismatch_ReportsHALO3103AndKeepsModel()
    {
        var model = new HaloModel(ReshapeByBatch());

        var after = PassTestSupport.Run(new PinInputShapes(new InputShapeOptions { Shapes = [new InputShape("x", [1, 12])] }), model, out var diagnostics);

        Assert.That(after, Is.SameAs(model));
        Assert.That(diagnostics.ToImmutable().Single().Id, Is.EqualTo("HALO3103"));
    }

    [Test]
    public void Pin_NonPositiveBatchSize_ReportsHALO3104()
    {
        var model = new HaloModel(ReshapeByBatch());

        var after = PassTestSupport.Run(new PinInputShapes(new InputShapeOptions { BatchSize = 0 }), model, out var diagnostics);

        Assert.That(after, Is.SameAs(model));
        Assert.That(diagnostics.ToImmutable().Single().Id, Is.EqualTo("HALO3104"));
    }

    [Test]
    public void Pin_ShapesThatDoNotBroadcast_WarnsHALO3105()
    {
        var b = new GraphBuilder(opsets: PassTestSupport.Opset17);
        var x = b.AddInput("x", new TensorType(ElementType.Float, Shape.Of(Dimension.Symbolic("N"), 3)));
        var y = b.AddInput("y", new TensorType(ElementType.Float, Shape.Of(Dimension.Symbolic("N"), 3)));
        b.AddOutput(b.AddOp("Add", x, y), "z");
        var options = new InputShapeOptions { Shapes = [new InputShape("x", [2, 3]), new InputShape("y", [4, 3])] };

        PassTestSupport.Run(new PinInputShapes(options), new HaloModel(b.Build()), out var diagnostics);

        var warning = diagnostics.ToImmutable().Single();
        Assert.That(warning.Id, Is.EqualTo("HALO3105"));
        Assert.That(warning.IsError, Is.False);
    }

    [Test]
    [Category("Slow")]
    public void Pin_Resnet18BatchSize2_EachItemMatchesTheBatchOfOneModel()
    {
        var model = PassTestSupport.LoadTorchvision("resnet18");

        var after = PassTestSupport.Run(new PinInputShapes(new InputShapeOptions { BatchSize = 2 }), model, out var diagnostics);

        Assert.That(diagnostics.ToImmutable(), Is.Empty);
        Assert.That(after.Graph.Inputs.Single().Type.ToString(), Is.EqualTo("f32[2,3,224,224]"));
        Assert.That(after.Graph.Outputs.Single().Type.ToString(), Is.EqualTo("f32[2,1000]"));
        var one = PassTestSupport.RandomInputs(model.Graph, seed: 1)["input"];
        var two = PassTestSupport.RandomInputs(model.Graph, seed: 2)["input"];
        var batch = Tensor.Create<float>([.. one.ToArray<float>(), .. two.ToArray<float>()], 2, 3, 224, 224);
        var batched = PassTestSupport.Execute(after.Graph, new Dictionary<string, Tensor> { ["input"] = batch })["output"].ToArray<float>();
        var first = PassTestSupport.Execute(model.Graph, new Dictionary<string, Tensor> { ["input"] = one })["output"];
        var second = PassTestSupport.Execute(model.Graph, new Dictionary<string, Tensor> { ["input"] = two })["output"];
        TensorAssert.AllClose(first, Tensor.Create<float>(batched.AsSpan(0, 1000), 1, 1000), PassTestSupport.Rtol, PassTestSupport.Atol);
        TensorAssert.AllClose(second, Tensor.Create<float>(batched.AsSpan(1000, 1000), 1, 1000), PassTestSupport.Rtol, PassTestSupport.Atol);
    }

    [TestCase("mobilenet_v2")]
    [TestCase("resnet18")]
    [TestCase("squeezenet1_1")]
    public void Pin_TorchvisionModelBatchSize3_GivesStaticShapesEverywhere(string name)
    {
        var model = PassTestSupport.LoadTorchvision(name);

        var after = PassTestSupport.Run(new PinInputShapes(new InputShapeOptions { BatchSize = 3 }), model, out var diagnostics);

        Assert.That(diagnostics.ToImmutable(), Is.Empty);
        Assert.That(after.Graph.Outputs.Single().Type.ToString(), Is.EqualTo("f32[3,1000]"));
        var shapes = after.Graph.TopologicalOrder.SelectMany(n => n.OutputTypes).OfType<TensorType>().ToList();
        Assert.That(shapes.Where(t => !t.Shape.IsStatic).Select(t => t.ToString()), Is.Empty);
        PassTestSupport.AssertVerifies(after.Graph);
    }

    [Test]
    public void Pin_ShufflenetBatchSize3_WarnsHALO3105AtItsBatchOneReshape()
    {
        // The exporter baked batch 1 into the channel-shuffle Reshape targets ([1,2,58,28,28]).
        var model = PassTestSupport.LoadTorchvision("shufflenet_v2_x1_0");

        PassTestSupport.Run(new PinInputShapes(new InputShapeOptions { BatchSize = 3 }), model, out var diagnostics);

        Assert.That(diagnostics.ToImmutable().Select(d => d.Id).Distinct(), Is.EqualTo(new[] { "HALO3105" }));
        Assert.That(diagnostics.ToImmutable()[0].Message, Does.Contain("Reshape"));
    }
}
