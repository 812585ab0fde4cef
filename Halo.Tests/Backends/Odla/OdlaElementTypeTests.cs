using System.Collections.Immutable;
using Halo.Cli.Execution;
using Halo.Core.Diagnostics;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;
using Halo.Tests.Odla.Native;
using Halo.Tests.TestSupport;
using NUnit.Framework;

namespace Halo.Tests.Backends.Odla;

/// <summary>float16/bfloat16 and Halo's extension element types (float8, int4/uint4, <c>ODLA/odla_halo_types.h</c>)
/// through the generated code: the calls and includes, and native results equal to the reference semantics.</summary>
[TestFixture]
public sealed class OdlaElementTypeTests
{
    private static TensorType Of(ElementType type, params long[] dims) => TensorType.Of(type, dims);

    private static TensorData Halves(long[] dims, params float[] values) => TensorData.FromBytes(ElementType.Float16, [.. dims],
        values.SelectMany(v => BitConverter.GetBytes(BitConverter.HalfToUInt16Bits((Half)v))).ToArray());

    private static TensorData BFloats(long[] dims, params float[] values) => TensorData.FromBytes(ElementType.BFloat16, [.. dims],
        values.SelectMany(v => BitConverter.GetBytes((ushort)(BitConverter.SingleToUInt32Bits(v) >> 16))).ToArray());

    private static TensorData Bytes(ElementType type, long[] dims, params byte[] bytes) => TensorData.FromBytes(type, [.. dims], bytes);

    [Test]
    public void Generate_CastToFloat8WithoutSaturate_CallsHaloCastAndIncludesHeader()
    {
        var graph = OdlaTestGraphs.SingleOp("Cast", OdlaTestGraphs.Attrs(("to", (long)ElementType.Float8E4M3FN), ("saturate", 0L)), 1,
            OdlaTestGraphs.F32(2, 3));

        var source = OdlaTestGraphs.Generate(graph).SourceText;

        Assert.That(source, Does.Contain("#include <ODLA/odla_halo_types.h>"));
        Assert.That(OdlaTestGraphs.Call(source, "odla_HaloCast"), Does.Contain("ODLA_HALO_FLOAT8E4M3FN, 0,"));
    }

    [Test]
    public void Generate_CastToFloat16_UsesOdlaCastWithoutHaloHeader()
    {
        var graph = OdlaTestGraphs.SingleOp("Cast", OdlaTestGraphs.Attrs(("to", (long)ElementType.Float16)), 1, OdlaTestGraphs.F32(2));

        var source = OdlaTestGraphs.Generate(graph).SourceText;

        Assert.That(source, Does.Not.Contain("odla_halo_types.h"));
        Assert.That(OdlaTestGraphs.Call(source, "odla_Cast"), Does.Contain("ODLA_FLOAT16"));
    }

    [Test]
    public void Generate_Int4Input_EntryTakesPackedBytes()
    {
        var graph = OdlaTestGraphs.SingleOp("Cast", OdlaTestGraphs.Attrs(("to", (long)ElementType.Float)), 1, Of(ElementType.Int4, 5));

        var artifacts = OdlaTestGraphs.Generate(graph);

        Assert.That(artifacts.HeaderText, Does.Contain("const uint8_t x0[(5 + 1) / 2]"));
        Assert.That(artifacts.SourceText, Does.Contain("ODLA_HALO_INT4"));
    }

    [Test]
    public void Generate_BlockedQuantize_CallsHaloQuantizeWithBlockSize()
    {
        var graph = OdlaTestGraphs.SingleOp("QuantizeLinear", OdlaTestGraphs.Attrs(("axis", 1L), ("block_size", 2L)), 1,
            OdlaTestGraphs.F32(2, 4), OdlaTestGraphs.Floats([2, 2], 1, 2, 3, 4), TensorData.FromBytes(ElementType.Int16, [2, 2], new byte[8]));

        var source = OdlaTestGraphs.Generate(graph).SourceText;

        Assert.That(OdlaTestGraphs.Call(source, "odla_HaloQuantize"), Does.Contain(", 1, 2, 1, ODLA_INT16,"));
    }

    [TestCase("gcc", "-std=c99", "halo_types.c")]
    [TestCase("g++", "-std=c++17", "halo_types.cc")]
    [Category("Native")]
    public void HaloTypesHeader_CompiledPedantic_HasNoWarnings(string compiler, string standard, string fileName)
    {
        const string Source = """
            #include <ODLA/odla.h>
            #include <ODLA/odla_halo_types.h>
            int main(void) {
              odla_value_type type;
              type.element_type = ODLA_HALO_INT4;
              type.shape.size = 1;
              type.shape.dims[0] = 3;
              return odla_HaloCast(odla_CreateArgument(type, (odla_value_id)"x"), ODLA_HALO_FLOAT8E5M2, 0, (odla_value_id)"y") == NULL;
            }
            """;
        using var temp = new TemporaryDirectory();
        string source = Path.Combine(temp.Path, fileName);
        File.WriteAllText(source, Source);

        var result = ProcessRunner.Run(compiler, [standard, "-Wall", "-Wextra", "-Werror", "-pedantic", "-I",
            NativeTestTools.ReferenceRuntime().IncludeDirectory, "-c", source, "-o", source + ".o"]);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
    }

    private static IEnumerable<TestCaseData> NativeCases()
    {
        float inf = float.PositiveInfinity;
        float[] wide = [0, 0.3f, -1.7f, 448, 500, -1e6f, inf, float.NaN];
        foreach (var (type, saturate) in new[] { (ElementType.Float8E4M3FN, 0L), (ElementType.Float8E4M3FNUZ, 1L),
                     (ElementType.Float8E5M2, 0L), (ElementType.Float8E5M2FNUZ, 1L) })
        {
            yield return new TestCaseData("Cast", OdlaTestGraphs.Attrs(("to", (long)type), ("saturate", saturate)),
                new object[] { TensorData.FromFloats(wide, 8) }).SetName($"Run_CastFloatTo{type}Saturate{saturate}_MatchesReference");
        }
        yield return new TestCaseData("Cast", OdlaTestGraphs.Attrs(("to", (long)ElementType.Int4)),
            new object[] { TensorData.FromFloats([-9.5f, -1.5f, 0.5f, 2.5f, 7.6f], 5) }).SetName("Run_CastFloatToInt4_MatchesReference");
        yield return new TestCaseData("Cast", OdlaTestGraphs.Attrs(("to", (long)ElementType.Float16)),
            new object[] { Bytes(ElementType.UInt4, [5], 0xF0, 0x21, 0x07) }).SetName("Run_CastUInt4ToFloat16_MatchesReference");
        yield return new TestCaseData("Cast", OdlaTestGraphs.Attrs(("to", (long)ElementType.Float)),
            new object[] { Bytes(ElementType.Float8E5M2, [4], 0x7C, 0x7F, 0x01, 0xBC) }).SetName("Run_CastFloat8E5M2ToFloat_MatchesReference");
        yield return new TestCaseData("Cast", OdlaTestGraphs.Attrs(("to", (long)ElementType.BFloat16)),
            new object[] { TensorData.FromFloats([1.00390625f, 1.01171875f, -3.5f, 3e38f], 4) }).SetName("Run_CastFloatToBFloat16_MatchesReference");
        yield return new TestCaseData("Add", null, new object[] { Halves([2, 2], 1.5f, -2, 1024, 0.1f), Halves([2], 0.5f, 3) })
            .SetName("Run_AddFloat16_MatchesReference");
        yield return new TestCaseData("MatMul", null, new object[] { Halves([2, 3], 1, 2, 3, 4, 5, 6), Halves([3, 2], 0.5f, 1, -1, 2, 0.25f, 3) })
            .SetName("Run_MatMulFloat16_MatchesReference");
        yield return new TestCaseData("ReduceMax", OdlaTestGraphs.Attrs(("keepdims", 0L)), new object[] { BFloats([2, 3], 1, -2, 3.5f, 7, 0, -1) })
            .SetName("Run_ReduceMaxBFloat16_MatchesReference");
        yield return new TestCaseData("QuantizeLinear", OdlaTestGraphs.Attrs(("axis", 1L), ("block_size", 2L)), new object[]
        {
            TensorData.FromFloats([1, 2, 30, 40, -1, -2, -300000, 5], 2, 4), TensorData.FromFloats([0.5f, 10, 1, 2], 2, 2),
            TensorData.FromBytes(ElementType.Int16, [2, 2], new byte[] { 0, 0, 1, 0, 2, 0, 0xFD, 0xFF }),
        }).SetName("Run_QuantizeLinearBlockedInt16_MatchesReference");
        yield return new TestCaseData("QuantizeLinear", null, new object[]
        {
            TensorData.FromFloats([0, 1, 2, 100, -100], 5), TensorData.FromFloats([2f]), Bytes(ElementType.UInt4, [], 0x01),
        }).SetName("Run_QuantizeLinearUInt4_MatchesReference");
        yield return new TestCaseData("DequantizeLinear", OdlaTestGraphs.Attrs(("axis", 0L)), new object[]
        {
            Bytes(ElementType.Int4, [2, 2], 0xF8, 0x21), TensorData.FromFloats([2, 0.5f], 2), Bytes(ElementType.Int4, [2], 0x1F),
        }).SetName("Run_DequantizeLinearInt4PerAxis_MatchesReference");
        yield return new TestCaseData("DequantizeLinear", null, new object[]
        {
            Bytes(ElementType.Float8E4M3FN, [3], 0x38, 0xC0, 0x7E), Halves([], 3),
        }).SetName("Run_DequantizeLinearFloat8ToFloat16_MatchesReference");
    }

    [TestCaseSource(nameof(NativeCases))]
    [Category("Native")]
    public void Run_SmallGraph_MatchesReference(string op, Halo.Core.IR.Attributes.AttributeMap? attributes, object[] inputs)
    {
        // Every operand is a graph input, so that the generated code (not constant folding) computes the result.
        var graph = OdlaTestGraphs.SingleOp(op, attributes, 1, [.. inputs.Select(i => (object)((TensorData)i).Type)]);
        var values = inputs.Select(i => (RuntimeValue)new TensorValue((TensorData)i)).ToImmutableArray();
        var expected = ReferenceEvaluator.Default.Evaluate(graph, values);
        var bag = new DiagnosticBag();

        using var prepared = OdlaModelBatch.Build([new("m", graph)], new GraphBuilder().Registry, new OdlaBuildSettings()).Prepare(0, bag);

        Assert.That(prepared, Is.Not.Null, string.Join("\n", bag.ToImmutable()));
        var actual = prepared!.Run(values);
        Assert.That(ValueComparison.Compare(expected[0], actual[0], 1e-3, 1e-7), Is.Null);
    }
}
