using Halo.Backends.Odla;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using NUnit.Framework;
using static Halo.Tests.Backends.Odla.OdlaTestGraphs;

namespace Halo.Tests.Backends.Odla;

/// <summary>What the composite lowerings emit (calls, constants) and the forms they report as HALO4104.</summary>
[TestFixture]
public sealed class OdlaCompositeCodeGenTests
{
    [Test]
    public void Attention_GroupedQueryHeads_BroadcastsKvHeadsInOneBatchMatMul()
    {
        var graph = SingleOp("Attention", Attrs(("q_num_heads", 6L), ("kv_num_heads", 2L)), 1, 23, F32(1, 4, 24), F32(1, 5, 8), F32(1, 5, 8));

        string source = Generate(graph).SourceText;

        Assert.That(Call(source, "odla_BatchMatMul"), Does.Contain(", 1, m_shape(5, {1, 2, 3, 4, 5})"), "Q·Kᵀ as (batch, kv heads, group, q, total)");
        Assert.That(Call(source, "odla_Softmax"), Does.Contain(", 3, "));
        Assert.That(source, Does.Contain("odla_Transpose").And.Contain("{0, 2, 1, 3}"));
    }

    [Test]
    public void Attention_Causal_AddsAConstantMask()
    {
        var graph = SingleOp("Attention", Attrs(("is_causal", 1L)), 1, 23, F32(1, 1, 3, 4), F32(1, 1, 3, 4), F32(1, 1, 3, 4));

        var artifacts = Generate(graph);

        Assert.That(artifacts.SourceText, Does.Contain("= {3, 3};"), "the (query, key) mask's shape");
        Assert.That(artifacts.SourceText, Does.Contain("odla_Add("));
    }

    [Test]
    public void Attention_PastKeyAndPresentOutputs_ConcatenatesCachesAsPresentValues()
    {
        var graph = SingleOp("Attention", null, 3, 23, F32(1, 2, 3, 4), F32(1, 2, 3, 4), F32(1, 2, 3, 4), null, F32(1, 2, 5, 4), F32(1, 2, 5, 4));

        string source = Generate(graph).SourceText;

        Assert.That(Call(source, "odla_Concat"), Does.Contain("2, m_shape(4, {1, 2, 8, 4})"));
        Assert.That(source, Does.Contain("(odla_value_id)\"y1\""));
        Assert.That(source, Does.Contain("(odla_value_id)\"y2\""));
    }

    [Test]
    public void Trilu_ConstantK_SelectsWithAConstantMask()
    {
        var graph = SingleOp("Trilu", Attrs(("upper", 0L)), 1, 23, TensorType.Of(ElementType.Int64, 3, 4), Ints(1));

        string source = Generate(graph).SourceText;

        Assert.That(Call(source, "odla_Select"), Does.Contain("m_shape(2, {3, 4})"));
        Assert.That(source, Does.Contain("odla_CreateConstant(m_type(ODLA_BOOL, m_shape(2, "));
    }

    [Test]
    public void Trilu_KAsGraphInput_ReportsHALO4104()
    {
        var graph = SingleOp("Trilu", null, 1, 23, F32(3, 4), TensorType.Of(ElementType.Int64));

        var error = new OdlaCodeGenerator().Generate(graph).Diagnostics.Single(d => d.IsError);

        Assert.That(error.Id, Is.EqualTo("HALO4104"));
        Assert.That(error.Message, Does.Contain("Trilu").And.Contain("k must be a constant"));
    }

    [Test]
    public void EyeLike_DataInput_EmitsTheIdentityAsAConstant()
    {
        var graph = SingleOp("EyeLike", Attrs(("k", -1L)), 1, 23, F32(3, 3));

        var artifacts = Generate(graph);

        Assert.That(Call(artifacts.SourceText, "odla_CreateConstant"), Does.Contain("(odla_value_id)\"y0\""));
        Assert.That(artifacts.GetWeightsBytes().Length, Is.GreaterThanOrEqualTo(9 * sizeof(float)));
    }

    [Test]
    public void Range_OperandsAsGraphInputs_ReportsOnlyBindableErrors()
    {
        var scalar = TensorType.Of(ElementType.Float);
        var graph = SingleOp("Range", null, 1, 23, scalar, scalar, scalar);

        var errors = new OdlaCodeGenerator().Generate(graph).Diagnostics.Where(d => d.IsError).Select(d => d.Id);

        Assert.That(errors, Is.Not.Empty);
        Assert.That(errors, Is.All.EqualTo("HALO4104").Or.EqualTo("HALO4102"), "the input binder binds such operands");
    }

    [Test]
    public void CenterCropPad_ShapeAsGraphInput_ReportsOnlyBindableErrors()
    {
        var graph = SingleOp("CenterCropPad", null, 1, 23, F32(4, 4), TensorType.Of(ElementType.Int64, 2));

        var errors = new OdlaCodeGenerator().Generate(graph).Diagnostics.Where(d => d.IsError).Select(d => d.Id);

        Assert.That(errors, Is.Not.Empty);
        Assert.That(errors, Is.All.EqualTo("HALO4104").Or.EqualTo("HALO4102"), "the input binder binds such operands");
    }

    [Test]
    public void DepthToSpace_Dcr_ReshapesTransposesReshapes()
    {
        var graph = SingleOp("DepthToSpace", Attrs(("blocksize", 2L)), 1, 23, F32(1, 8, 2, 3));

        string source = Generate(graph).SourceText;

        Assert.That(Call(source, "odla_Transpose"), Does.Contain("m_shape(6, {0, 3, 4, 1, 5, 2}), m_shape(6, {1, 2, 2, 2, 3, 2})"));
    }

    private static OdlaArtifacts Generate(Graph graph) => OdlaTestGraphs.Generate(graph);
}
