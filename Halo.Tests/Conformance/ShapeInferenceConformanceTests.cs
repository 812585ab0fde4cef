using System.Collections.Immutable;
using Halo.Core.Compilation;
using Halo.Core.IR;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Core.Operators;
using Halo.Core.Semantics;
using Halo.Frontends.Onnx;
using Halo.Passes.Inference;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace Halo.Tests.Conformance;

/// <summary>
/// For every ONNX node-test case: pins the graph inputs to the shapes of the first test data set (integer and bool
/// inputs become constants, as shape-carrying operands often are), re-runs inference, and checks every known part of
/// each inferred output type against ONNX's reference output (element type, rank, static dimensions).
/// </summary>
[TestFixture]
[Category("Conformance")]
public sealed class ShapeInferenceConformanceTests
{
    private static readonly Lazy<CompilationPipeline> s_pipeline = new(() =>
    {
        var services = new ServiceCollection();
        services.AddHalo(h => h.AddOnnx());
        return services.BuildServiceProvider().GetRequiredService<CompilationPipeline>();
    });

    private static readonly Lazy<ExpectedFailures> s_expected = new(() => ExpectedFailures.LoadAll("inference-expected-failures.txt"));

    public static IEnumerable<TestCaseData> NodeCases() =>
        ReferenceConformanceTests.NodeCases().Select(c => new TestCaseData(c.Arguments).SetName("inference/" + c.Arguments[0]));

    /// <summary>Replaces graph inputs by constants or by inputs of static shape.</summary>
    private sealed class InputPinner(IReadOnlyDictionary<GreenNode, ValueRef> replacements) : GraphRewriter
    {
        protected override ImmutableArray<ValueRef> RewriteNode(Node original, GreenNode updated) =>
            replacements.TryGetValue(original.Green, out var r) ? [r] : default;
    }

    [TestCaseSource(nameof(NodeCases))]
    public void Infer_OnnxNodeCase_AgreesWithReferenceOutputs(string caseName, string caseDir)
    {
        var graph = s_pipeline.Value.CreateCompilation(Path.Combine(caseDir, "model.onnx"), options: null).GetImportedModel()?.Graph;
        Assert.That(graph, Is.Not.Null, "import failed");
        string set = RuntimeValues.DataSets(caseDir)[0];
        var replacements = new Dictionary<GreenNode, ValueRef>();
        for (int i = 0; i < graph!.Inputs.Length; i++)
        {
            if (OnnxTensorFile.Read(Path.Combine(set, $"input_{i}.pb"), graph.Inputs[i].Type).Value?.Tensor is { } data)
            {
                replacements[graph.Inputs[i]] = data.ElementType.IsInteger() || data.ElementType == ElementType.Bool
                    ? new GreenConstant(data).Output(0) : new GreenInput(data.Type).Output(0);
            }
        }
        var reinferrer = new TypeReinferrer(OperatorRegistry.Default);
        var pinned = reinferrer.Rewrite(new InputPinner(replacements).Rewrite(graph));
        string? failure = reinferrer.Errors.Count > 0 ? "inference failed: " + string.Join("; ", reinferrer.Errors) : Mismatch(pinned, set);
        s_expected.Value.Check(caseName, failure is null, failure ?? string.Empty);
    }

    private static string? Mismatch(Graph graph, string set)
    {
        for (int k = 0; k < graph.Outputs.Length; k++)
        {
            var expectedType = graph.Outputs[k].Type;
            if (OnnxTensorFile.Read(Path.Combine(set, $"output_{k}.pb"), expectedType).Value is not { Kind: OnnxValueKind.Tensor } value
                || value.ToRuntimeValue(expectedType) is not TensorValue { Data: var expected })
            {
                continue;
            }
            if (graph.Outputs[k].Type is not TensorType actual)
            {
                return $"output {k} is {graph.Outputs[k].Type}, expected a tensor";
            }
            var reference = expected.Type;
            if (actual.ElementType != ElementType.Undefined && actual.ElementType != reference.ElementType)
            {
                return $"output {k}: element type {actual.ElementType}, reference {reference.ElementType}";
            }
            if (!Halo.Core.Verification.TypeCompatibility.Compatible(actual.Shape, reference.Shape))
            {
                return $"output {k}: inferred {actual.Shape}, reference {reference.Shape}";
            }
        }
        return null;
    }
}
