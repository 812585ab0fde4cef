using Halo.Cli.Execution;
using Halo.Core.Diagnostics;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Core.Operators;
using Halo.Core.Semantics;
using NUnit.Framework;

namespace Halo.Tests.Backends.Odla;

/// <summary>Forms that ODLA code reaches only through static structure: a Pad with a non-zero constant value, CastLike,
/// and an unknown batch that the odla executor pins to 1 as <c>halo compile</c> does. Built and run natively.</summary>
[TestFixture]
[Category("Native")]
public sealed class OdlaStaticFormsTests
{
    private static OperatorRegistry Registry => new GraphBuilder().Registry;

    private static float[] RunSingle(Graph graph, TensorData input)
    {
        var bag = new DiagnosticBag();
        using var prepared = OdlaModelBatch.Build([new("m", graph)], Registry, new OdlaBuildSettings()).Prepare(0, bag);
        Assert.That(bag.ToImmutable().Where(d => d.IsError), Is.Empty);
        return ((TensorValue)prepared!.Run([new TensorValue(input)])[0]).Data.AsSpan<float>().ToArray();
    }

    [Test]
    public void Pad_ConstantNonZeroValue_PadsWithTheValue()
    {
        var graph = OdlaTestGraphs.SingleOp("Pad", null, 1, 18, OdlaTestGraphs.F32(1, 2), OdlaTestGraphs.Ints(0, 1, 0, 2),
            TensorData.FromFloats([1.5f]));

        float[] y = RunSingle(graph, TensorData.FromFloats([3f, -4f], 1, 2));

        Assert.That(y, Is.EqualTo(new[] { 1.5f, 3f, -4f, 1.5f, 1.5f }));
    }

    [Test]
    public void CastLike_IntegerLikeOperand_CastsToItsElementType()
    {
        var graph = OdlaTestGraphs.SingleOp("CastLike", null, 1, 15, OdlaTestGraphs.F32(3), TensorData.FromInt64s([0], 1));

        var bag = new DiagnosticBag();
        using var prepared = OdlaModelBatch.Build([new("m", graph)], Registry, new OdlaBuildSettings()).Prepare(0, bag);
        Assert.That(bag.ToImmutable().Where(d => d.IsError), Is.Empty);
        var y = ((TensorValue)prepared!.Run([new TensorValue(TensorData.FromFloats([1.75f, -2.25f, 3f], 3))])[0]).Data;

        Assert.That(y.ElementType, Is.EqualTo(ElementType.Int64));
        Assert.That(y.AsSpan<long>().ToArray(), Is.EqualTo(new long[] { 1, -2, 3 }));
    }

    [Test]
    public void Prepare_SymbolicBatch_PinsItToOneAndRuns()
    {
        var b = new GraphBuilder();
        var x = b.AddInput("x", new TensorType(ElementType.Float, Shape.Of(Dimension.Symbolic("N"), 3)));
        b.AddOutput(b.AddOp("Relu", x), "y");
        var bag = new DiagnosticBag();

        using var prepared = new OdlaExecutor(Registry).Prepare(new HaloModel(b.Build("symbolic_batch")), bag);

        Assert.That(bag.ToImmutable().Where(d => d.IsError), Is.Empty);
        var y = ((TensorValue)prepared!.Run([new TensorValue(TensorData.FromFloats([-1f, 2f, -3f], 1, 3))])[0]).Data;
        Assert.That(y.AsSpan<float>().ToArray(), Is.EqualTo(new[] { 0f, 2f, 0f }));
    }
}
