using Google.Protobuf;
using Halo.Core.Compilation;
using Halo.Core.IR;
using Halo.Core.Operators;
using Halo.Core.Semantics;
using Halo.Core.Verification;
using Halo.Frontends.TensorFlow;
using Halo.Frontends.TensorFlow.Protos;
using Halo.Tests.Frontends.Onnx;
using NUnit.Framework;

namespace Halo.Tests.Frontends.TensorFlow;

/// <summary>Imports GraphDefs built in code (through a temporary file) and evaluates them.</summary>
internal static class TfImport
{
    public static ImportResult Import(GraphDef graph, IReadOnlyList<string>? outputs = null) => Import(graph.ToByteArray(), outputs);

    public static ImportResult Import(byte[] bytes, IReadOnlyList<string>? outputs = null)
    {
        using var dir = new TempDirectory();
        return new TensorFlowImporter(OperatorRegistry.Default).Import(dir.Write("model.pb", bytes), outputs);
    }

    /// <summary>Imports and asserts success, and that the graph verifies.</summary>
    public static HaloModel Model(GraphDef graph, IReadOnlyList<string>? outputs = null)
    {
        var result = Import(graph, outputs);
        Assert.That(result.Diagnostics.Where(d => d.IsError), Is.Empty);
        Assert.That(Verifier.Default.Verify(result.Model!).Where(d => d.IsError), Is.Empty);
        return result.Model!;
    }

    /// <summary>Imports and runs with the reference semantics; one float array per output.</summary>
    public static float[][] RunFloats(GraphDef graph, params TensorData[] inputs)
    {
        var model = Model(graph);
        var values = ReferenceEvaluator.Default.Evaluate(model.Graph, [.. inputs.Select(i => (RuntimeValue)new TensorValue(i))]);
        return [.. values.Select(v => ((TensorValue)v).Data.AsSpan<float>().ToArray())];
    }

    /// <summary>Imports and runs; the single output's data.</summary>
    public static TensorData RunOne(GraphDef graph, params TensorData[] inputs)
    {
        var model = Model(graph);
        var values = ReferenceEvaluator.Default.Evaluate(model.Graph, [.. inputs.Select(i => (RuntimeValue)new TensorValue(i))]);
        Assert.That(values, Has.Length.EqualTo(1));
        return ((TensorValue)values[0]).Data;
    }

    /// <summary>Imports a graph that must fail; its diagnostics' ids.</summary>
    public static List<string> ErrorIds(GraphDef graph, IReadOnlyList<string>? outputs = null) => ErrorIds(graph.ToByteArray(), outputs);

    public static List<string> ErrorIds(byte[] bytes, IReadOnlyList<string>? outputs = null)
    {
        var result = Import(bytes, outputs);
        Assert.That(result.Model, Is.Null);
        Assert.That(result.Diagnostics.Select(d => d.Id), Does.Not.Contain("HALO9001"));
        return [.. result.Diagnostics.Where(d => d.IsError).Select(d => d.Id)];
    }
}
