using Google.Protobuf;
using Halo.Core.IR;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Frontends.Onnx.Protos;
using NUnit.Framework;
using static Halo.Tests.Frontends.Onnx.OnnxTestModels;

namespace Halo.Tests.Frontends.Onnx;

[TestFixture]
public sealed class OnnxInitializerTests
{
    /// <summary>Imports a graph whose only output is the initializer <paramref name="tensor"/>.</summary>
    private static (TensorData? Data, Halo.Core.Compilation.ImportResult Result) ImportConstant(TensorProto tensor)
    {
        tensor.Name = "w";
        var graph = Graph("g", [], [Untyped("w")]);
        graph.Initializer.Add(tensor);
        var result = OnnxImportHelper.Import(Model(graph));
        var data = result.Model?.Graph.Outputs.FirstOrDefault().Producer is GreenConstant c ? c.Data : null;
        return (data, result);
    }

    private static TensorProto Proto(ElementType type, params long[] dims)
    {
        var t = new TensorProto { DataType = (int)type };
        t.Dims.AddRange(dims);
        return t;
    }

    [Test]
    public void Import_FloatData_ReadsValues()
    {
        var t = Proto(ElementType.Float, 2, 2);
        t.FloatData.AddRange([1f, -2f, 3.5f, 0f]);
        var (data, result) = ImportConstant(t);
        Assert.That(result.Diagnostics, Is.Empty, result.Describe());
        Assert.That(data!.AsSpan<float>().ToArray(), Is.EqualTo(new[] { 1f, -2f, 3.5f, 0f }));
        Assert.That(data.Type, Is.EqualTo(TensorType.Of(ElementType.Float, 2, 2)));
    }

    [Test]
    public void Import_DoubleData_ReadsValues()
    {
        var t = Proto(ElementType.Double, 2);
        t.DoubleData.AddRange([1.25, -8]);
        Assert.That(ImportConstant(t).Data!.AsSpan<double>().ToArray(), Is.EqualTo(new[] { 1.25, -8 }));
    }

    [Test]
    public void Import_Complex64InFloatData_ReadsPairs()
    {
        var t = Proto(ElementType.Complex64, 2);
        t.FloatData.AddRange([1f, 2f, 3f, 4f]);
        Assert.That(ImportConstant(t).Data!.AsSpan<float>().ToArray(), Is.EqualTo(new[] { 1f, 2f, 3f, 4f }));
    }

    [Test]
    public void Import_Complex128InDoubleData_ReadsPairs()
    {
        var t = Proto(ElementType.Complex128, 1);
        t.DoubleData.AddRange([1.5, -2.5]);
        Assert.That(ImportConstant(t).Data!.AsSpan<double>().ToArray(), Is.EqualTo(new[] { 1.5, -2.5 }));
    }

    [Test]
    public void Import_Int64Data_ReadsValues()
    {
        var t = Proto(ElementType.Int64, 3);
        t.Int64Data.AddRange([long.MinValue, 0, long.MaxValue]);
        Assert.That(ImportConstant(t).Data!.AsSpan<long>().ToArray(), Is.EqualTo(new[] { long.MinValue, 0, long.MaxValue }));
    }

    [Test]
    public void Import_Int32Data_ReadsValues()
    {
        var t = Proto(ElementType.Int32, 2);
        t.Int32Data.AddRange([-7, 70000]);
        Assert.That(ImportConstant(t).Data!.AsSpan<int>().ToArray(), Is.EqualTo(new[] { -7, 70000 }));
    }

    [Test]
    public void Import_UInt64AndUInt32Data_ReadValues()
    {
        var t64 = Proto(ElementType.UInt64, 1);
        t64.Uint64Data.Add(ulong.MaxValue);
        var t32 = Proto(ElementType.UInt32, 2);
        t32.Uint64Data.AddRange([uint.MaxValue, 5]);
        Assert.That(ImportConstant(t64).Data!.AsSpan<ulong>().ToArray(), Is.EqualTo(new[] { ulong.MaxValue }));
        Assert.That(ImportConstant(t32).Data!.AsSpan<uint>().ToArray(), Is.EqualTo(new[] { uint.MaxValue, 5u }));
    }

    [TestCase(ElementType.Int16, new[] { -2, 300 }, new byte[] { 0xFE, 0xFF, 0x2C, 0x01 })]
    [TestCase(ElementType.UInt16, new[] { 65535, 1 }, new byte[] { 0xFF, 0xFF, 0x01, 0x00 })]
    [TestCase(ElementType.Int8, new[] { -1, 127 }, new byte[] { 0xFF, 0x7F })]
    [TestCase(ElementType.UInt8, new[] { 255, 0 }, new byte[] { 0xFF, 0x00 })]
    [TestCase(ElementType.Bool, new[] { 1, 0 }, new byte[] { 1, 0 })]
    [TestCase(ElementType.Float16, new[] { 0x3C00, 0xC000 }, new byte[] { 0x00, 0x3C, 0x00, 0xC0 })]
    [TestCase(ElementType.BFloat16, new[] { 0x3F80, 0x4000 }, new byte[] { 0x80, 0x3F, 0x00, 0x40 })]
    [TestCase(ElementType.Float8E4M3FN, new[] { 0x38, 0x7E }, new byte[] { 0x38, 0x7E })]
    [TestCase(ElementType.Float8E4M3FNUZ, new[] { 0x40, 0x01 }, new byte[] { 0x40, 0x01 })]
    [TestCase(ElementType.Float8E5M2, new[] { 0x3C, 0x7B }, new byte[] { 0x3C, 0x7B })]
    [TestCase(ElementType.Float8E5M2FNUZ, new[] { 0x40, 0x02 }, new byte[] { 0x40, 0x02 })]
    public void Import_NarrowTypesInInt32Data_PacksLittleEndian(ElementType type, int[] values, byte[] expected)
    {
        var t = Proto(type, 2);
        t.Int32Data.AddRange(values);
        var (data, result) = ImportConstant(t);
        Assert.That(result.Diagnostics, Is.Empty, result.Describe());
        Assert.That(data!.Bytes.ToArray(), Is.EqualTo(expected));
    }

    [TestCase(ElementType.Int4)]
    [TestCase(ElementType.UInt4)]
    [TestCase(ElementType.Float4E2M1)]
    public void Import_FourBitTypes_TwoElementsPerInt32(ElementType type)
    {
        var t = Proto(type, 3);
        t.Int32Data.AddRange([0x21, 0x03]);
        var (data, result) = ImportConstant(t);
        Assert.That(result.Diagnostics, Is.Empty, result.Describe());
        Assert.That(data!.Bytes.ToArray(), Is.EqualTo(new byte[] { 0x21, 0x03 }));
    }

    [Test]
    public void Import_StringData_ReadsUtf8()
    {
        var t = Proto(ElementType.String, 2);
        t.StringData.AddRange([ByteString.CopyFromUtf8("héllo"), ByteString.CopyFromUtf8("")]);
        Assert.That(ImportConstant(t).Data!.Strings, Is.EqualTo(new[] { "héllo", "" }));
    }

    [Test]
    public void Import_RawData_WrapsBytes()
    {
        var t = Proto(ElementType.Int32, 2);
        t.RawData = ByteString.CopyFrom(1, 0, 0, 0, 2, 0, 0, 0);
        Assert.That(ImportConstant(t).Data!.AsSpan<int>().ToArray(), Is.EqualTo(new[] { 1, 2 }));
    }

    [Test]
    public void Import_ScalarAndEmptyTensors_Read()
    {
        var scalar = Proto(ElementType.Float);
        scalar.FloatData.Add(4f);
        var empty = Proto(ElementType.Float, 0, 3);
        Assert.That(ImportConstant(scalar).Data!.Type.ToString(), Is.EqualTo("f32[]"));
        Assert.That(ImportConstant(empty).Data!.ElementCount, Is.Zero);
    }

    [Test]
    public void Import_RawDataSizeMismatch_ReportsHALO1004()
    {
        var t = Proto(ElementType.Float, 3);
        t.RawData = ByteString.CopyFrom(new byte[8]);
        Assert.That(ImportConstant(t).Result.WithId("HALO1004").Single().Message, Does.Contain("12 bytes").And.Contain("8"));
    }

    [Test]
    public void Import_TypedFieldCountMismatch_ReportsHALO1004()
    {
        var t = Proto(ElementType.Int64, 4);
        t.Int64Data.AddRange([1, 2]);
        Assert.That(ImportConstant(t).Result.WithId("HALO1004").Single().Message, Does.Contain("int64_data"));
    }

    [Test]
    public void Import_SegmentedTensor_ReportsHALO1004()
    {
        var t = Proto(ElementType.Float, 1);
        t.FloatData.Add(1);
        t.Segment = new TensorProto.Types.Segment { Begin = 0, End = 1 };
        Assert.That(ImportConstant(t).Result.Ids(), Does.Contain("HALO1004"));
    }

    [Test]
    public void Import_SparseInitializer_BecomesSparseConstant()
    {
        var values = Proto(ElementType.Float, 2);
        values.Name = "s";
        values.FloatData.AddRange([5f, 6f]);
        var indices = Proto(ElementType.Int64, 2, 2);
        indices.Int64Data.AddRange([0, 1, 2, 3]);
        var sparse = new SparseTensorProto { Values = values, Indices = indices };
        sparse.Dims.AddRange([3, 4]);
        var graph = Graph("g", [], [Untyped("s")]);
        graph.SparseInitializer.Add(sparse);

        var result = OnnxImportHelper.Import(Model(graph));

        Assert.That(result.Diagnostics, Is.Empty, result.Describe());
        var constant = (GreenConstant)result.Model!.Graph.Outputs[0].Producer!;
        Assert.That(constant.Sparse!.Type.ToString(), Is.EqualTo("sparse<f32[3,4]>"));
        Assert.That(constant.Sparse.Indices.AsSpan<long>().ToArray(), Is.EqualTo(new long[] { 0, 1, 2, 3 }));
        Assert.That(result.Model.Graph.NameOf(result.Model.Graph.Outputs[0]), Is.EqualTo("s"));
    }

    [Test]
    public void Import_SparseIndexOutOfRange_ReportsHALO1004()
    {
        var values = Proto(ElementType.Float, 1);
        values.Name = "s";
        values.FloatData.Add(5f);
        var indices = Proto(ElementType.Int64, 1);
        indices.Int64Data.Add(12);
        var sparse = new SparseTensorProto { Values = values, Indices = indices };
        sparse.Dims.AddRange([3, 4]);
        var graph = Graph("g", [], [Untyped("s")]);
        graph.SparseInitializer.Add(sparse);

        var result = OnnxImportHelper.Import(Model(graph));

        Assert.That(result.WithId("HALO1004").Single().Message, Does.Contain("outside the dense shape"));
    }

    [Test]
    public void Import_DuplicateInitializer_ReportsHALO1006()
    {
        var graph = Graph("g", [], [Untyped("w")]);
        graph.Initializer.Add(FloatTensor("w", [1f], 1));
        graph.Initializer.Add(FloatTensor("w", [2f], 1));

        var result = OnnxImportHelper.Import(Model(graph));

        Assert.That(result.WithId("HALO1006").Single().Message, Does.Contain("'w'"));
    }
}
