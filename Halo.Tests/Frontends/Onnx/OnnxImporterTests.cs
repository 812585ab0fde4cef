using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Core.Operators;
using Halo.Frontends.Onnx;
using Halo.Frontends.Onnx.Protos;
using NUnit.Framework;
using static Halo.Tests.Frontends.Onnx.OnnxTestModels;

namespace Halo.Tests.Frontends.Onnx;

[TestFixture]
public sealed class OnnxImporterTests
{
    [Test]
    public void Import_ReluModel_BuildsGraphWithNamesLocationsAndModelFacts()
    {
        var proto = ReluModel();
        proto.MetadataProps.Add(new StringStringEntryProto { Key = "author", Value = "tests" });
        using var dir = new TempDirectory();
        string path = dir.Write("relu.onnx", proto);

        var result = new OnnxImporter(Registry).Import(path);

        Assert.That(result.Diagnostics, Is.Empty, result.Describe());
        var model = result.Model!;
        Assert.That(model.IrVersion, Is.EqualTo(9));
        Assert.That(model.Producer, Is.EqualTo("halo-tests 1.0"));
        Assert.That(model.OpsetImports[""], Is.EqualTo(14));
        Assert.That(model.Metadata["author"], Is.EqualTo("tests"));
        Assert.That(model.SourcePath, Is.EqualTo(Path.GetFullPath(path)));
        var graph = model.Graph;
        Assert.That(graph.Name, Is.EqualTo("relu"));
        Assert.That(graph.Inputs, Has.Length.EqualTo(1));
        Assert.That(graph.NameOf(graph.Inputs[0].Output(0)), Is.EqualTo("x"));
        var relu = (GreenOp)graph.Outputs[0].Producer!;
        Assert.That(relu.Operator, Is.EqualTo(new OperatorId("", "Relu", 14)));
        Assert.That(graph.NameOf(graph.Outputs[0]), Is.EqualTo("y"));
        Assert.That(graph.NodeNameOf(relu), Is.EqualTo("relu1"));
        var location = graph.LocationOf(relu);
        Assert.That((location.NodeName, location.Operator, location.NodeIndex, location.FilePath),
            Is.EqualTo(("relu1", "Relu", 0, path)));
        Assert.That(relu.OutputTypes[0].ToString(), Is.EqualTo("f32[2,N]"));
    }

    [Test]
    public void CanImport_OnnxExtension_True()
    {
        var importer = new OnnxImporter(Registry);
        Assert.Multiple(() =>
        {
            Assert.That(importer.Format, Is.EqualTo("onnx"));
            Assert.That(importer.CanImport("a/b/Model.ONNX"), Is.True);
            Assert.That(importer.CanImport("model.pb"), Is.False);
        });
    }

    [Test]
    public void Import_UnknownOperators_ReportsEveryOneWithHALO1002()
    {
        var graph = Graph("g", [Tensor("x", Float, 3)], [Tensor("z", Float, 3)],
            Node("Frobnicate", ["x"], ["y"], "f1"),
            Node("Relu", ["y"], ["y2"], "ok"),
            Node("Twiddle", ["y2"], ["z"], "t1", "com.example"));
        var proto = Model(graph);
        proto.OpsetImport.Add(new OperatorSetIdProto { Domain = "com.example", Version = 3 });

        var result = OnnxImportHelper.Import(proto);

        var unsupported = result.WithId("HALO1002").ToList();
        Assert.That(unsupported, Has.Count.EqualTo(2), result.Describe());
        Assert.That(unsupported[0].Message, Does.Contain("'Frobnicate'").And.Contain("'ai.onnx'").And.Contain("opset 14"));
        Assert.That(unsupported[0].Location.NodeName, Is.EqualTo("f1"));
        Assert.That(unsupported[1].Message, Does.Contain("'Twiddle'").And.Contain("'com.example'").And.Contain("opset 3"));
        Assert.That(result.Model, Is.Not.Null);
    }

    [Test]
    public void Import_EmptyRegistry_ReportsUnsupportedOperatorHALO1002()
    {
        var result = OnnxImportHelper.Import(ReluModel(), new OperatorSetBuilder().Build());

        Assert.That(result.WithId("HALO1002").Single().ToString(), Does.Contain("[node 'relu1', Relu #0]"));
    }

    [Test]
    public void Import_OperatorNewerThanOpset_ReportsHALO1002()
    {
        var result = OnnxImportHelper.Import(Model(ReluModel().Graph, opset: 5));

        Assert.That(result.WithId("HALO1002").Single().Message, Does.Contain("opset 5"));
    }

    [Test]
    public void Import_DomainNotImported_ReportsHALO1012()
    {
        var graph = Graph("g", [Tensor("x", Float, 3)], [Tensor("y", Float, 3)],
            Node("Custom", ["x"], ["y"], "c", "com.example"));

        var result = OnnxImportHelper.Import(Model(graph));

        Assert.That(result.WithId("HALO1012").Single().Message, Does.Contain("'com.example'"));
    }

    [Test]
    public void Import_ValueInfoFillsUnknownDims_MergesDeclaredType()
    {
        var graph = Graph("g", [Tensor("x", Float, 2, -1)], [Tensor("z", Float, 2, 5)],
            Node("Relu", ["x"], ["y"], "r1"),
            Node("Relu", ["y"], ["z"], "r2"));
        graph.ValueInfo.Add(Tensor("y", Float, -1, "W"));

        var result = OnnxImportHelper.Import(Model(graph));

        Assert.That(result.Diagnostics, Is.Empty, result.Describe());
        var z = result.Model!.Graph.Outputs[0];
        var y = z.Producer!.Inputs[0];
        Assert.That(y.Type.ToString(), Is.EqualTo("f32[2,W]"));
        Assert.That(z.Type.ToString(), Is.EqualTo("f32[2,5]"));
    }

    [Test]
    public void Import_UnknownOperatorWithValueInfo_TakesDeclaredType()
    {
        var graph = Graph("g", [Tensor("x", Float, 3)], [Tensor("y", Int64Type, 7)],
            Node("Frobnicate", ["x"], ["y"], "f1"));

        var result = OnnxImportHelper.Import(Model(graph));

        Assert.That(result.Model!.Graph.Outputs[0].Type, Is.EqualTo(TensorType.Of(ElementType.Int64, 7)));
    }

    [Test]
    public void Import_DeclaredTypeConflictsWithInferred_ReportsHALO2007()
    {
        var graph = Graph("g", [Tensor("x", Float, 3)], [Tensor("y", Int64Type, 3)],
            Node("Relu", ["x"], ["y"], "r1"));

        var result = OnnxImportHelper.Import(Model(graph));

        Assert.That(result.WithId("HALO2007").Single().Message, Does.Contain("'y'"));
    }

    [Test]
    public void Import_DeclaredShapeConflictsWithInferred_ReportsHALO2007()
    {
        var graph = Graph("g", [Tensor("x", Float, 3)], [Tensor("y", Float, 4)],
            Node("Relu", ["x"], ["y"], "r1"));

        var result = OnnxImportHelper.Import(Model(graph));

        Assert.That(result.Ids(), Does.Contain("HALO2007"));
    }

    [Test]
    public void Import_InitializerAlsoInput_IsConstantNotInput()
    {
        var graph = Graph("g", [Tensor("x", Float, 2), Tensor("w", Float, 2)], [Tensor("y", Float, 2)],
            Node("Add", ["x", "w"], ["y"], "add"));
        graph.Initializer.Add(FloatTensor("w", [1f, 2f], 2));

        var result = OnnxImportHelper.Import(Model(graph));

        Assert.That(result.Diagnostics, Is.Empty, result.Describe());
        var g = result.Model!.Graph;
        Assert.That(g.Inputs, Has.Length.EqualTo(1));
        var w = g.Outputs[0].Producer!.Inputs[1];
        Assert.That(w.Producer, Is.InstanceOf<GreenConstant>());
        Assert.That(g.NameOf(w), Is.EqualTo("w"));
        Assert.That(((GreenConstant)w.Producer!).Data!.AsSpan<float>().ToArray(), Is.EqualTo(new[] { 1f, 2f }));
    }

    [Test]
    public void Import_OmittedOptionalInput_IsNoneOperand()
    {
        var b = Registry.ToBuilder();
        b.Define("Clip", 13).Input("input", "T").OptionalInput("min", "T").OptionalInput("max", "T").Output("output", "T")
            .Constraint("T", Halo.Core.Operators.Onnx.TypeSets.Numeric);
        var graph = Graph("g", [Tensor("x", Float, 3), Tensor("hi", Float)], [Tensor("y", Float, 3)],
            Node("Clip", ["x", "", "hi"], ["y"], "clip"));

        var result = OnnxImportHelper.Import(Model(graph), b.Build());

        Assert.That(result.Diagnostics, Is.Empty, result.Describe());
        var clip = result.Model!.Graph.Outputs[0].Producer!;
        Assert.That(clip.Inputs[1].IsNone, Is.True);
        Assert.That(clip.Inputs[2].IsNone, Is.False);
    }

    [Test]
    public void Import_NoGraph_ReportsHALO1001()
    {
        var result = OnnxImportHelper.Import(new ModelProto { IrVersion = 9 });

        Assert.That(result.Ids(), Is.EqualTo(new[] { "HALO1001" }));
        Assert.That(result.Model, Is.Null);
    }

    [Test]
    public void Import_CanceledToken_ThrowsOperationCanceled()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("model.onnx", ReluModel());
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.That(() => new OnnxImporter(Registry).Import(path, cts.Token), Throws.InstanceOf<OperationCanceledException>());
    }
}
