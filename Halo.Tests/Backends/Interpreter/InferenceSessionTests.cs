using Halo.Core.Operators;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;
using System.Collections.Immutable;
using Halo.Backends.Diagnostics;
using Halo.Backends.Interpreter;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using static Halo.Tests.Backends.Interpreter.InterpreterTestGraphs;

namespace Halo.Tests.Backends.Interpreter;

[TestFixture]
public sealed class InferenceSessionTests
{
    /// <summary>x[1,4,8,8] → Conv → Relu → MaxPool → Add(const) → Flatten → Gemm → Softmax.</summary>
    private static Graph SmallNet()
    {
        var b = new GraphBuilder();
        var x = b.AddInput("x", TensorType.Of(ElementType.Float, 1, 4, 8, 8));
        var w = b.AddConstant("w", TensorData.FromFloats([.. Enumerable.Range(0, 8 * 4 * 9).Select(i => (i % 7 - 3) / 10f)], 8, 4, 3, 3));
        var conv = b.AddOp("Conv", [x, w], Attrs(("pads", new long[] { 1, 1, 1, 1 })))[0];
        var relu = b.AddOp("Relu", conv);
        var pool = b.AddOp("MaxPool", [relu], Attrs(("kernel_shape", new long[] { 2, 2 }), ("strides", new long[] { 2, 2 })))[0];
        var shift = b.AddConstant("shift", TensorData.FromFloats([0.5f], 1));
        var add = b.AddOp("Add", pool, shift);
        var flat = b.AddOp("Flatten", add);
        var fc = b.AddConstant("fc", TensorData.FromFloats([.. Enumerable.Range(0, 10 * 128).Select(i => (i % 5 - 2) / 50f)], 10, 128));
        var gemm = b.AddOp("Gemm", [flat, fc], Attrs(("transB", 1L)))[0];
        b.AddOutput(b.AddOp("Softmax", gemm), "y");
        b.AddOutput(relu, "features");
        return b.Build();
    }

    private static Dictionary<string, Tensor> Feeds(int seed) => new()
    {
        ["x"] = F([.. Enumerable.Range(0, 256).Select(i => (float)Math.Sin(i + seed))], 1, 4, 8, 8),
    };

    private static InferenceSession CreateSession(int threads = 2)
    {
        var result = InferenceSession.Create(SmallNet(), new InferenceSessionOptions { MaxDegreeOfParallelism = threads });
        Assert.That(result.Success, Is.True, string.Join("\n", result.Diagnostics));
        return result.Session!;
    }

    [Test]
    public void Run_SecondRun_AllocatesNoNewBuffers()
    {
        using var session = CreateSession();
        var first = session.Run(Feeds(0));
        long afterFirst = session.BufferAllocationCount;
        var second = session.Run(Feeds(0));
        session.Run(Feeds(1));

        Assert.That(afterFirst, Is.GreaterThan(0));
        Assert.That(session.BufferAllocationCount, Is.EqualTo(afterFirst));
        TensorAssert.AllClose(first["y"], second["y"], 0, 0);
    }

    [Test]
    public void Run_Outputs_AreNamedAndSumToOne()
    {
        using var session = CreateSession();
        var outputs = session.Run(Feeds(0));

        Assert.That(outputs.Keys, Is.EquivalentTo(new[] { "y", "features" }));
        Assert.That(outputs["y"].Shape.ToArray(), Is.EqualTo(new[] { 1, 10 }));
        Assert.That(outputs["y"].ToArray<float>().Sum(), Is.EqualTo(1f).Within(1e-5f));
        Assert.That(outputs["features"].ToArray<float>().Min(), Is.GreaterThanOrEqualTo(0f));
    }

    [Test]
    public void Run_ConcurrentRuns_GiveSameResultsAsSequential()
    {
        using var session = CreateSession();
        var expected = Enumerable.Range(0, 8).Select(i => session.Run(Feeds(i))["y"]).ToArray();
        var actual = new Tensor[64];
        Parallel.For(0, actual.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = session.Run(Feeds(i % 8))["y"]);
        for (int i = 0; i < actual.Length; i++)
        {
            TensorAssert.AllClose(expected[i % 8], actual[i], 0, 0, "run " + i);
        }
    }

    [Test]
    public void Run_OneAndTwoThreads_Agree()
    {
        using var one = CreateSession(1);
        using var two = CreateSession(2);
        TensorAssert.AllClose(one.Run(Feeds(3))["y"], two.Run(Feeds(3))["y"], 1e-6, 1e-7);
    }

    [Test]
    public void Create_UnsupportedOperators_ReportsEveryOneAtOnce()
    {
        // Operators with neither a fast kernel nor reference semantics (a registry of the test's own).
        var b = new GraphBuilder(Halo.Tests.TestSupport.TestOperators.Registry);
        var x = b.AddInput("x", TensorType.Of(ElementType.Float, 2, 2));
        var first = b.AddOp("Everything", [x], nodeName: "first")[0];
        b.AddOutput(b.AddOp("Everything", [first], nodeName: "second")[0], "y");

        var result = InferenceSession.Create(new HaloModel(b.Build()) { SourcePath = "m.onnx" }, null);

        Assert.That(result.Success, Is.False);
        Assert.That(result.Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "HALO4001", "HALO4001" }));
        Assert.That(result.Diagnostics[0].ToString(), Does.Contain("m.onnx: error HALO4001").And.Contain("'Everything'").And.Contain("first"));
        Assert.That(result.Diagnostics[1].ToString(), Does.Contain("second"));
    }

    [Test]
    public void Create_ElementTypeWithoutFastKernel_FallsBackOnReferenceSemantics()
    {
        var b = new GraphBuilder();
        var x = b.AddInput("x", TensorType.Of(ElementType.Float, 2));
        var bf = b.AddOp("Cast", [x], Attrs(("to", (long)ElementType.BFloat16)), nodeName: "cast")[0];
        var r = b.AddOp("Relu", [bf], nodeName: "relu_bf16")[0];
        b.AddOutput(b.AddOp("Cast", [r], Attrs(("to", (long)ElementType.Float)))[0], "y");
        using var session = InferenceSession.Create(b.Build(), null).Session!;

        var y = session.Run(new Dictionary<string, Tensor> { ["x"] = Tensor.Create<float>([-1.5f, 2.5f], 2) })["y"];

        Assert.That(y.ToArray<float>(), Is.EqualTo(new[] { 0f, 2.5f }));
    }

    [Test]
    public void Create_LegacyBatchNormStatisticsOutputs_RunsThroughReferenceSemantics()
    {
        var b = new GraphBuilder(opsets: new Dictionary<string, long> { [""] = 9 });
        var x = b.AddInput("x", TensorType.Of(ElementType.Float, 1, 2, 2));
        var p = b.AddInput("p", TensorType.Of(ElementType.Float, 2));
        var y = b.AddOp("BatchNormalization", [x, p, p, p, p], outputCount: 5, nodeName: "bn");
        b.AddOutput(y[0], "y");

        var result = InferenceSession.Create(b.Build(), null);

        Assert.That(result.Diagnostics, Is.Empty);
        result.Session!.Dispose();
    }

    [Test]
    public void Create_FormTheKernelLacksWithoutSemantics_ReportsHALO4003()
    {
        // A BatchNormalization version no registry knows (a future opset): the fast kernel is found by name and
        // version range, rejects spatial = 0, and there are no reference semantics to fall back on.
        var x = new GreenInput(TensorType.Of(ElementType.Float, 1, 2, 2));
        var p = new GreenInput(TensorType.Of(ElementType.Float, 2));
        var attributes = AttributeMap.Create(new Dictionary<string, AttributeValue> { ["spatial"] = AttributeValue.FromInt(0) });
        var bn = GreenOp.Create(new OperatorId("", "BatchNormalization", 99),
            [x.Output(0), p.Output(0), p.Output(0), p.Output(0), p.Output(0)], attributes, [TensorType.Of(ElementType.Float, 1, 2, 2)]);
        var graph = Graph.Create("g", [x, p], [bn.Output(0)]);

        var result = InferenceSession.Create(graph, null);

        Assert.That(result.Diagnostics.Select(d => d.Descriptor), Is.EqualTo(new[] { BackendDiagnostics.UnsupportedFeature }));
    }

    [Test]
    public void Create_MapInput_ReportsHALO4004()
    {
        var b = new GraphBuilder();
        var x = b.AddInput("map", new MapType(ElementType.Int64, TensorType.Of(ElementType.Float)));
        b.AddOutput(x, "out");

        var result = InferenceSession.Create(b.Build(), null);

        Assert.That(result.Diagnostics.Select(d => d.Id), Has.Member("HALO4004"));
    }

    [Test]
    public void Run_MissingInput_ThrowsArgumentException()
    {
        using var session = CreateSession();
        var ex = Assert.Throws<ArgumentException>(() => session.Run(new Dictionary<string, Tensor>()));
        Assert.That(ex!.Message, Does.Contain("'x'").And.Contain("missing"));
    }

    [Test]
    public void Run_UnknownInput_ThrowsArgumentException()
    {
        using var session = CreateSession();
        var feeds = Feeds(0);
        feeds["z"] = F([1], 1);
        Assert.That(() => session.Run(feeds), Throws.ArgumentException.With.Message.Contains("no input 'z'"));
    }

    [Test]
    public void Run_WrongShapeOrType_ThrowsArgumentException()
    {
        using var session = CreateSession();
        Assert.That(() => session.Run(new Dictionary<string, Tensor> { ["x"] = Iota(1, 4, 8, 7) }),
            Throws.ArgumentException.With.Message.Contains("dimension 3"));
        Assert.That(() => session.Run(new Dictionary<string, Tensor> { ["x"] = Tensor.Zeros(ElementType.Double, 1, 4, 8, 8) }),
            Throws.ArgumentException.With.Message.Contains("must be f32, not f64"));
    }

    [Test]
    public void Run_AfterDispose_ThrowsObjectDisposed()
    {
        var session = CreateSession();
        session.Dispose();
        Assert.That(() => session.Run(Feeds(0)), Throws.InstanceOf<ObjectDisposedException>());
    }

    [Test]
    public void Create_ZeroThreads_Throws()
    {
        Assert.That(() => InferenceSession.Create(SmallNet(), new InferenceSessionOptions { MaxDegreeOfParallelism = 0 }),
            Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Inputs_AndOutputs_ListNamesAndTypes()
    {
        using var session = CreateSession();
        Assert.That(session.Inputs.Select(i => i.Name), Is.EqualTo(new[] { "x" }));
        Assert.That(session.Outputs.Select(o => o.Name), Is.EqualTo(new[] { "y", "features" }));
        Assert.That(session.Inputs[0].Type, Is.EqualTo(TensorType.Of(ElementType.Float, 1, 4, 8, 8)));
    }

    [Test]
    public void Tensor_CreateWithWrongCount_Throws()
    {
        Assert.That(() => Tensor.Create<float>([1, 2, 3], 2, 2), Throws.ArgumentException);
        Assert.That(ImmutableArray.Create(Tensor.Create<long>([1, 2], 2).ToTensorData().Dimensions.ToArray()), Is.EqualTo(new long[] { 2 }));
    }

    [Test]
    public void Run_OutputIsGraphInput_ReturnsCallerOwnedCopy()
    {
        var b = new GraphBuilder();
        var x = b.AddInput("x", TensorType.Of(ElementType.Int64, 2));
        b.AddOutput(x);
        using var session = InferenceSession.Create(b.Build(), null).Session!;
        var input = L([1, 2], 2);

        var output = session.Run(new Dictionary<string, Tensor> { ["x"] = input })["x"];

        Assert.That(output, Is.Not.SameAs(input));
        Assert.That(output.ToArray<long>(), Is.EqualTo(new long[] { 1, 2 }));
    }

    [Test]
    public void Run_CanceledToken_ThrowsAndSessionStaysUsable()
    {
        using var session = CreateSession();
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.That(() => session.Run(Feeds(0), cts.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(session.Run(Feeds(0))["y"].Length, Is.EqualTo(10));
    }

    [Test]
    public void Create_MissingModelFile_ReportsFrontendDiagnostic()
    {
        var services = new ServiceCollection();
        services.AddHalo(h => h.AddOnnx());
        var pipeline = services.BuildServiceProvider().GetRequiredService<Halo.Core.Compilation.CompilationPipeline>();

        var result = InferenceSession.Create(pipeline, "does-not-exist.onnx", null, CancellationToken.None);

        Assert.That(result.Success, Is.False);
        Assert.That(result.Diagnostics.Select(d => d.Id), Has.Some.StartsWith("HALO1"));
    }
}
