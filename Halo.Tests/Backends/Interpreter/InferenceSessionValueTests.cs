using Halo.Backends.Diagnostics;
using Halo.Backends.Interpreter;
using Halo.Cli.Execution;
using Halo.Core.Diagnostics;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;
using Halo.Tests.TestSupport;
using NUnit.Framework;
using static Halo.Tests.Backends.Interpreter.InterpreterTestGraphs;

namespace Halo.Tests.Backends.Interpreter;

/// <summary>Sessions over sequences, optionals and 4-bit tensors: values the fast kernels do not take, run
/// through reference semantics and passed between nodes, in and out of the session.</summary>
[TestFixture]
public sealed class InferenceSessionValueTests
{
    private static readonly TensorType s_floatItem = new(ElementType.Float, Shape.Unranked);

    private static InferenceSession Create(Graph graph)
    {
        var result = InferenceSession.Create(graph, new InferenceSessionOptions { MaxDegreeOfParallelism = 2 });
        Assert.That(result.Success, Is.True, string.Join("\n", result.Diagnostics));
        return result.Session!;
    }

    /// <summary>x[2,3] → SplitToSequence(axis 1) → seq; ConcatFromSequence(seq, axis 0) → Relu (fast kernel);
    /// SequenceLength(seq); the sequence itself is an output too.</summary>
    private static Graph SplitAndConcat()
    {
        var b = new GraphBuilder(opsets: new Dictionary<string, long> { [""] = 17 });
        var x = b.AddInput("x", TensorType.Of(ElementType.Float, 2, 3));
        var seq = b.AddOp("SplitToSequence", [x], Attrs(("axis", 1L)))[0];
        var concat = b.AddOp("ConcatFromSequence", [seq], Attrs(("axis", 0L)))[0];
        b.AddOutput(b.AddOp("Relu", concat), "relu");
        b.AddOutput(b.AddOp("SequenceLength", seq), "length");
        b.AddOutput(seq, "parts");
        return b.Build();
    }

    [Test]
    public void RunValues_SequenceBetweenNodes_FeedsFastKernelsAndIsReturned()
    {
        using var session = Create(SplitAndConcat());
        var x = F([-1f, 2f, -3f, 4f, -5f, 6f], 2, 3);

        for (int run = 0; run < 2; run++)
        {
            var outputs = session.RunValues(new Dictionary<string, InferenceValue> { ["x"] = x });

            // ONNX: SplitToSequence without split keeps the axis (keepdims=1): three [2,1] parts.
            var parts = (TensorSequence)outputs["parts"];
            Assert.That(parts.Count, Is.EqualTo(3));
            Assert.That(parts[1].ToArray<float>(), Is.EqualTo(new[] { 2f, -5f }));
            Assert.That(((Tensor)outputs["length"]).ToArray<long>(), Is.EqualTo(new[] { 3L }));
            Assert.That(((Tensor)outputs["relu"]).Shape.ToArray(), Is.EqualTo(new[] { 6, 1 }));
            Assert.That(((Tensor)outputs["relu"]).ToArray<float>(), Is.EqualTo(new[] { 0f, 4f, 2f, 0f, 0f, 6f }));
        }
    }

    [Test]
    public void Run_TensorApiWithSequenceOutput_ThrowsInvalidOperationNamingTheOutput()
    {
        using var session = Create(SplitAndConcat());

        Assert.That(() => session.Run(new Dictionary<string, Tensor> { ["x"] = Iota(2, 3) }),
            Throws.InvalidOperationException.With.Message.Contains("'parts'").And.Message.Contains("RunValues"));
    }

    [Test]
    public void RunValues_SequenceInput_InsertsAndReturnsCallerOwnedCopy()
    {
        var b = new GraphBuilder(opsets: new Dictionary<string, long> { [""] = 17 });
        var seq = b.AddInput("seq", new SequenceType(TensorType.Of(ElementType.Float, 2)));
        var t = b.AddInput("t", TensorType.Of(ElementType.Float, 2));
        b.AddOutput(b.AddOp("SequenceInsert", seq, t), "out");
        using var session = Create(b.Build());
        var input = new TensorSequence(ElementType.Float, [F([1f, 2f], 2)]);

        var output = (TensorSequence)session.RunValues(new Dictionary<string, InferenceValue> { ["seq"] = input, ["t"] = F([3f, 4f], 2) })["out"];

        Assert.That(output.Count, Is.EqualTo(2));
        Assert.That(output[1].ToArray<float>(), Is.EqualTo(new[] { 3f, 4f }));
        Assert.That(output[0], Is.Not.SameAs(input[0]));
        Assert.That(input.Count, Is.EqualTo(1));
    }

    [Test]
    public void RunValues_SequenceItemOfWrongShapeOrWrongKind_ThrowsArgumentException()
    {
        var b = new GraphBuilder(opsets: new Dictionary<string, long> { [""] = 17 });
        b.AddOutput(b.AddOp("SequenceLength", b.AddInput("seq", new SequenceType(TensorType.Of(ElementType.Float, 2)))), "n");
        using var session = Create(b.Build());

        Assert.That(() => session.RunValues(new Dictionary<string, InferenceValue> { ["seq"] = new TensorSequence(ElementType.Float, [F([1f], 1)]) }),
            Throws.ArgumentException.With.Message.Contains("'seq'").And.Message.Contains("dimension 0"));
        Assert.That(() => session.RunValues(new Dictionary<string, InferenceValue> { ["seq"] = F([1f, 2f], 2) }),
            Throws.ArgumentException.With.Message.Contains("must be a seq<f32[2]>"));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void RunValues_OptionalInput_ReportsPresence(bool present)
    {
        var type = new OptionalType(TensorType.Of(ElementType.Float, 2));
        var b = new GraphBuilder(opsets: new Dictionary<string, long> { [""] = 18 });
        var opt = b.AddInput("opt", type);
        b.AddOutput(b.AddOp("OptionalHasElement", opt), "has");
        b.AddOutput(b.AddOp("Identity", opt), "same");
        using var session = Create(b.Build());
        var input = new InferenceOptional(type.ElementType, present ? F([1f, -1f], 2) : null);

        var outputs = session.RunValues(new Dictionary<string, InferenceValue> { ["opt"] = input });

        Assert.That(((Tensor)outputs["has"]).ToArray<bool>(), Is.EqualTo(new[] { present }));
        var same = (InferenceOptional)outputs["same"];
        Assert.That(same.HasValue, Is.EqualTo(present));
        Assert.That(ValueComparison.Compare(input.ToRuntimeValue(), same.ToRuntimeValue(), 0, 0), Is.Null);
    }

    [Test]
    public void Run_Int4CastRoundTrip_PacksAndSaturates()
    {
        var b = new GraphBuilder(opsets: new Dictionary<string, long> { [""] = 21 });
        var x = b.AddInput("x", TensorType.Of(ElementType.Float, 5));
        var packed = b.AddOp("Cast", [x], Attrs(("to", (long)ElementType.Int4)))[0];
        b.AddOutput(packed, "packed");
        b.AddOutput(b.AddOp("Relu", b.AddOp("Cast", [packed], Attrs(("to", (long)ElementType.Float)))[0]), "back");
        using var session = Create(b.Build());

        var outputs = session.Run(new Dictionary<string, Tensor> { ["x"] = F([1f, -2f, 7f, 9f, -9f], 5) });

        // ONNX: Cast to int4 saturates to [-8, 7]; elements pack two per byte, low nibble first.
        Assert.That(outputs["back"].ToArray<float>(), Is.EqualTo(new[] { 1f, 0f, 7f, 7f, 0f }));
        Assert.That(outputs["packed"].ElementType, Is.EqualTo(ElementType.Int4));
        Assert.That(outputs["packed"].ToTensorData().Bytes.ToArray(), Is.EqualTo(new byte[] { 0xE1, 0x77, 0x08 }));
    }

    [Test]
    public void Create_NodeProducingSequenceOfMaps_ReportsHALO4005NamingOperatorAndType()
    {
        var b = new GraphBuilder(opsets: new Dictionary<string, long> { [""] = 17, ["ai.onnx.ml"] = 1 });
        var x = b.AddInput("x", TensorType.Of(ElementType.Float, 2, 3));
        var zip = b.AddOp("ZipMap", [x], Attrs(("classlabels_int64s", new long[] { 1, 2, 3 })), domain: "ai.onnx.ml", nodeName: "zip")[0];
        b.AddOutput(b.AddOp("SequenceLength", zip), "n");

        var result = InferenceSession.Create(b.Build(), options: null);

        Assert.That(result.Success, Is.False);
        var errors = result.Diagnostics.Where(d => d.Descriptor == BackendDiagnostics.UnsupportedValueType).ToList();
        Assert.That(errors, Is.Not.Empty);
        Assert.That(errors[0].Message, Does.Contain("'ZipMap'").And.Contain("'zip'").And.Contain("seq<map<"));
        Assert.That(errors[0].Severity, Is.EqualTo(DiagnosticSeverity.Error));
    }

    /// <summary>Real onnx-node cases through the public API: values read from the .pb files, run with
    /// <see cref="InferenceSession.RunValues"/>, compared with the expected outputs.</summary>
    [TestCase("test_sequence_insert_at_back")]
    [TestCase("test_split_to_sequence_1")]
    [TestCase("test_optional_get_element_optional_sequence")]
    [TestCase("test_loop13_seq")]
    [TestCase("test_dequantizelinear_int4")]
    public void RunValues_OnnxNodeCase_MatchesExpectedOutputs(string name)
    {
        string dir = Path.Combine(RepositoryPaths.Corpora, "onnx-node", name);
        Assume.That(Directory.Exists(dir), "corpus not present");
        using var session = InterpreterConformanceTests.CreateSession(Path.Combine(dir, "model.onnx"), 2, ignoreUnsupported: false);
        string data = Path.Combine(dir, "test_data_set_0");
        var bag = new DiagnosticBag();
        var feeds = session.Inputs.Select((input, i) => (input.Name, Value: LoadedModel.ReadValue(Path.Combine(data, $"input_{i}.pb"), input.Type, bag)))
            .ToDictionary(p => p.Name, p => InferenceValue.FromRuntimeValue(p.Value!));

        var outputs = session.RunValues(feeds);

        for (int k = 0; k < session.Outputs.Length; k++)
        {
            var expected = LoadedModel.ReadValue(Path.Combine(data, $"output_{k}.pb"), session.Outputs[k].Type, bag)!;
            Assert.That(ValueComparison.Compare(expected, outputs[session.Outputs[k].Name].ToRuntimeValue(), 1e-5, 1e-6), Is.Null);
        }
        Assert.That(bag.HasErrors, Is.False);
    }
}
