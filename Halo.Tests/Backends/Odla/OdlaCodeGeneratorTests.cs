using System.Collections.Immutable;
using Halo.Backends.Odla;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using NUnit.Framework;
using static Halo.Tests.Backends.Odla.OdlaTestGraphs;

namespace Halo.Tests.Backends.Odla;

[TestFixture]
public sealed class OdlaCodeGeneratorTests
{
    /// <summary>HALO's MNIST example: x[1,784] -> MatMul -> Add -> Softmax -> y[1,10].</summary>
    internal static Graph Mnist()
    {
        var b = new GraphBuilder();
        var x = b.AddInput("x", F32(1, 784));
        var w = b.AddConstant("V", Floats([784, 10], Enumerable.Range(0, 7840).Select(i => i * 0.001f).ToArray()));
        var bias = b.AddConstant("V1", Floats([1, 10], new float[10]));
        var matmul = b.Named(b.AddOp("MatMul", x, w), "MatMul");
        var add = b.Named(b.AddOp("Add", matmul, bias), "add");
        b.AddOutput(b.AddOp("Softmax", add), "y");
        return b.Build("mnist_simple");
    }

    [Test]
    public void Generate_Mnist_BuildsComputationWithOdlaCalls()
    {
        var artifacts = Generate(Mnist(), OdlaCodeGenOptions.Default with { EntryFunctionName = "mnist_simple" });
        string source = artifacts.SourceText;
        Assert.That(source, Does.Contain("odla_CreateComputation(&mnist_simple_comp)"));
        Assert.That(source, Does.Contain("odla_CreateArgument(mnist_simple_type(ODLA_FLOAT32, mnist_simple_shape(2, a0)), (odla_value_id)\"x\")"));
        Assert.That(source, Does.Contain("odla_CreateConstant(mnist_simple_type(ODLA_FLOAT32, mnist_simple_shape(2, a1)), mnist_simple_w0, (odla_value_id)\"V\")"));
        Assert.That(source, Does.Contain("odla_Gemm(v0, 0, v1, 0, 1.0f, 0.0f, NULL, mnist_simple_shape(2, a2), (odla_value_id)\"MatMul\")"));
        Assert.That(source, Does.Contain("odla_Add(v2, v3, (odla_value_id)\"add\")"));
        Assert.That(source, Does.Contain("odla_Softmax(v4, 1, (odla_value_id)\"y\")"));
        Assert.That(source, Does.Contain("odla_SetValueAsOutput(v5)"));
        Assert.That(source, Does.Contain("odla_BindToArgumentById((odla_value_id)\"x\", inputs[0], ctx)"));
        Assert.That(source, Does.Contain("odla_BindToOutputById((odla_value_id)\"y\", outputs[0], ctx)"));
        Assert.That(source, Does.Contain("odla_ExecuteComputation(mnist_simple_comp, ctx, ODLA_COMPUTE_INFERENCE, NULL)"));
        Assert.That(source, Does.Contain("extern const unsigned char mnist_simple_w0[31360];"));
        Assert.That(source, Does.Contain("#include \"mnist_simple.h\""));
        Assert.That(artifacts.HeaderText, Does.Contain("void mnist_simple(const float x[1 * 784], float out_y[1 * 10]);"));
        Assert.That(artifacts.HeaderText, Does.Contain("void mnist_simple_init(void);").And.Contain("void mnist_simple_fini(void);")
            .And.Contain("int mnist_simple_run(const void* const* inputs, void* const* outputs);"));
        Assert.That(artifacts.SourceFileName, Is.EqualTo("mnist_simple.cc"));
        Assert.That(artifacts.WeightsFileName, Is.EqualTo("mnist_simple.bin"));
    }

    [Test]
    public void Generate_Mnist_ReturnsEntrySignature()
    {
        var entry = Generate(Mnist()).Entry;
        Assert.That(entry.Name, Is.EqualTo("m"));
        Assert.That(entry.Inputs.Single(), Is.EqualTo(new OdlaEntryParameter("x", "x", ElementType.Float, [1, 784])));
        Assert.That(entry.Outputs.Single(), Is.EqualTo(new OdlaEntryParameter("y", "out_y", ElementType.Float, [1, 10])));
    }

    [Test]
    public void Generate_SameGraphTwice_GivesSameBytes()
    {
        var first = Generate(Mnist());
        var second = Generate(Mnist());
        Assert.That(second.SourceText, Is.EqualTo(first.SourceText));
        Assert.That(second.HeaderText, Is.EqualTo(first.HeaderText));
        Assert.That(second.WeightsObject.SequenceEqual(first.WeightsObject), Is.True);
    }

    [Test]
    public void Generate_SharedConstant_IsCreatedOnce()
    {
        var b = new GraphBuilder();
        var x = b.AddInput("x", F32(4));
        var c = b.AddConstant("c", Floats([4], 1, 2, 3, 4));
        b.AddOutput(b.AddOp("Mul", b.AddOp("Add", x, c), c), "y");
        var artifacts = Generate(b.Build());
        Assert.That(artifacts.SourceText.Split("odla_CreateConstant(").Length - 1, Is.EqualTo(1));
    }

    [Test]
    public void Generate_InputConstantAndRepeatedOutputs_AreCopied()
    {
        var b = new GraphBuilder();
        var x = b.AddInput("x", F32(2));
        var c = b.AddConstant("c", Floats([3], 1, 2, 3));
        var r = b.AddOp("Relu", x);
        b.AddOutput(r, "r");
        b.AddOutput(x, "x_out");
        b.AddOutput(c, "c_out");
        b.AddOutput(r, "r_again");
        var artifacts = Generate(b.Build());
        string source = artifacts.SourceText;
        Assert.That(source.Split("odla_SetValueAsOutput(").Length - 1, Is.EqualTo(1));
        Assert.That(source, Does.Contain("memcpy(outputs[1], inputs[0], 8);"));
        Assert.That(source, Does.Contain("memcpy(outputs[2], m_w0, 12);"));
        Assert.That(source, Does.Contain("memcpy(outputs[3], outputs[0], 8);"));
        Assert.That(artifacts.Entry.Outputs.Select(o => o.CName), Is.EqualTo(new[] { "out_r_again", "out_x_out", "out_c_out", "out_r_again_1" }), "a value has one name; repeats get a suffix");
    }

    [Test]
    public void Generate_UnsupportedOperators_ReportsHALO4101ForEveryOneBeforeGenerating()
    {
        var b = new GraphBuilder();
        var x = b.AddInput("x", F32(2, 3));
        var nz = b.AddOp("NonZero", [x], nodeName: "nz")[0];
        var det = b.AddOp("Size", [x], nodeName: "size")[0];
        b.AddOutput(nz, "a");
        b.AddOutput(det, "b");
        var result = new OdlaCodeGenerator().Generate(b.Build());
        Assert.That(result.Success, Is.False);
        Assert.That(result.Artifacts, Is.Null);
        var unsupported = result.Diagnostics.Where(d => d.Id == "HALO4101").ToList();
        Assert.That(unsupported, Has.Count.EqualTo(2));
        Assert.That(unsupported[0].Message, Does.Contain("'NonZero'").And.Contain("ai.onnx").And.Contain("node 'nz'"));
        Assert.That(unsupported[1].Message, Does.Contain("'Size'").And.Contain("node 'size'"));
    }

    [Test]
    public void Generate_DynamicShape_ReportsHALO4102NamingTheValue()
    {
        var b = new GraphBuilder();
        var x = b.AddInput("images", new TensorType(ElementType.Float, Shape.Of(Dimension.Symbolic("batch"), 3)));
        b.AddOutput(b.AddOp("Relu", x), "y");
        var result = new OdlaCodeGenerator().Generate(b.Build());
        var d = result.Diagnostics.First(d => d.Id == "HALO4102");
        Assert.That(d.Message, Does.Contain("'images'").And.Contain("--input-shape").And.Contain("--batch-size"));
        Assert.That(result.Artifacts, Is.Null);
    }

    [Test]
    public void Generate_StringTensor_ReportsHALO4103()
    {
        var b = new GraphBuilder();
        var x = b.AddInput("s", TensorType.Of(ElementType.String, 2));
        b.AddOutput(b.AddOp("Identity", x), "y");
        Assert.That(new OdlaCodeGenerator().Generate(b.Build()).Diagnostics.Select(d => d.Id), Does.Contain("HALO4103"));
    }

    [Test]
    public void Generate_PadReflectMode_CallsHaloPad()
    {
        var graph = SingleOp("Pad", Attrs(("mode", "reflect")), 1, F32(1, 4), Ints(0, 1, 0, 1));
        string source = Generate(graph).SourceText;
        Assert.That(source, Does.Contain("#include <ODLA/odla_ops_halo.h>"));
        Assert.That(source, Does.Match(@"odla_HaloPad\(\w+, ODLA_HALO_PAD_REFLECT, "));
    }

    [TestCase("3d")]
    [TestCase("int")]
    [TestCase("a-b")]
    public void Generate_InvalidEntryName_ReportsHALO4105(string name)
    {
        var result = new OdlaCodeGenerator().Generate(Mnist(), OdlaCodeGenOptions.Default with { EntryFunctionName = name });
        Assert.That(result.Diagnostics.Single().Id, Is.EqualTo("HALO4105"));
    }

    [TestCase("models/mnist-simple.v2.onnx", "mnist_simple_v2")]
    [TestCase("1model.onnx", "_1model")]
    [TestCase("float.onnx", "_float")]
    public void DefaultEntryName_SanitizesFileName(string path, string expected) =>
        Assert.That(OdlaCodeGenerator.DefaultEntryName(path), Is.EqualTo(expected));

    [Test]
    public void Generate_ParameterNamesCollide_AreMadeUnique()
    {
        var b = new GraphBuilder();
        var x = b.AddInput("a.b", F32(1));
        var y = b.AddInput("a-b", F32(1));
        b.AddOutput(b.AddOp("Add", x, y), "out");
        var entry = Generate(b.Build()).Entry;
        Assert.That(entry.Inputs.Select(p => p.CName), Is.EqualTo(new[] { "a_b", "a_b_1" }));
        Assert.That(entry.Outputs.Single().CName, Is.EqualTo("out_out"));
    }

    [Test]
    public void Generate_Int64AndBoolValues_UseStdintTypes()
    {
        var graph = SingleOp("Equal", null, 1, TensorType.Of(ElementType.Int64, 3), TensorType.Of(ElementType.Int64, 3));
        var artifacts = Generate(graph);
        Assert.That(artifacts.HeaderText, Does.Contain("void m(const int64_t x0[3], const int64_t x1[3], uint8_t out_y0[3]);"));
        Assert.That(artifacts.SourceText, Does.Contain("ODLA_INT64"));
        Assert.That(ImmutableArray.Create(artifacts.Entry.Outputs[0].ElementType), Does.Contain(ElementType.Bool));
    }
}
