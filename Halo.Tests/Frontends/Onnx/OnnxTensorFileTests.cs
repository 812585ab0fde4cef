using Google.Protobuf;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Frontends.Onnx;
using Halo.Frontends.Onnx.Protos;
using NUnit.Framework;
using static Halo.Tests.Frontends.Onnx.OnnxTestModels;

namespace Halo.Tests.Frontends.Onnx;

[TestFixture]
public sealed class OnnxTensorFileTests
{
    [Test]
    public void WriteTensor_ThenReadTensor_RoundTrips()
    {
        using var dir = new TempDirectory();
        var data = TensorData.FromFloats([1f, 2f, 3f, 4f, 5f, 6f], 2, 3);

        OnnxTensorFile.WriteTensor(dir.File("t.pb"), data, "x");
        var result = OnnxTensorFile.ReadTensor(dir.File("t.pb"));

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Value!.Kind, Is.EqualTo(OnnxValueKind.Tensor));
        Assert.That(result.Value.Name, Is.EqualTo("x"));
        Assert.That(result.Value.Tensor!.IsEquivalentTo(data), Is.True);
    }

    [Test]
    public void WriteTensor_Strings_RoundTrip()
    {
        using var dir = new TempDirectory();
        var data = TensorData.FromStrings(["a", "βc"], [2]);

        OnnxTensorFile.WriteTensor(dir.File("s.pb"), data);

        Assert.That(OnnxTensorFile.ReadTensor(dir.File("s.pb")).Value!.Tensor!.Strings, Is.EqualTo(new[] { "a", "βc" }));
    }

    [Test]
    public void ReadTensor_Truncated_ReportsHALO1001()
    {
        using var dir = new TempDirectory();
        byte[] bytes = FloatTensor("x", [1f, 2f, 3f], 3).ToByteArray();
        string path = dir.Write("t.pb", bytes[..^5]);

        var result = OnnxTensorFile.ReadTensor(path);

        Assert.That(result.Value, Is.Null);
        Assert.That(result.Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "HALO1001" }));
    }

    [Test]
    public void ReadTensor_SizeMismatch_ReportsHALO1004()
    {
        using var dir = new TempDirectory();
        var t = FloatTensor("x", [1f, 2f], 3);
        string path = dir.Write("t.pb", t);

        var result = OnnxTensorFile.ReadTensor(path);

        Assert.That(result.HasErrors, Is.True);
        Assert.That(result.Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "HALO1004" }));
    }

    [Test]
    public void ReadTensor_MissingFile_ReportsHALO1008()
    {
        using var dir = new TempDirectory();
        Assert.That(OnnxTensorFile.ReadTensor(dir.File("none.pb")).Diagnostics.Single().Id, Is.EqualTo("HALO1008"));
    }

    [Test]
    public void ReadSequence_TensorElements_ReadsEach()
    {
        using var dir = new TempDirectory();
        var seq = new SequenceProto { Name = "s", ElemType = 1 };
        seq.TensorValues.AddRange([FloatTensor("", [1f], 1), FloatTensor("", [2f, 3f], 2)]);
        string path = dir.Write("s.pb", seq);

        var result = OnnxTensorFile.Read(path, new SequenceType(IrType.Unknown));

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Value!.Kind, Is.EqualTo(OnnxValueKind.Sequence));
        Assert.That(result.Value.Elements.Select(e => e.Tensor!.ElementCount), Is.EqualTo(new long[] { 1, 2 }));
    }

    [Test]
    public void ReadSequence_MismatchedElementType_ReportsHALO1004()
    {
        using var dir = new TempDirectory();
        var seq = new SequenceProto { Name = "s", ElemType = 3 };
        seq.TensorValues.Add(FloatTensor("", [1f], 1));
        string path = dir.Write("s.pb", seq);

        Assert.That(OnnxTensorFile.ReadSequence(path).Diagnostics.Single().Id, Is.EqualTo("HALO1004"));
    }

    [Test]
    public void ReadOptional_EmptyAndPresent_Read()
    {
        using var dir = new TempDirectory();
        string empty = dir.Write("e.pb", new OptionalProto { Name = "o", ElemType = 0 });
        string full = dir.Write("f.pb", new OptionalProto { Name = "o", ElemType = 1, TensorValue = FloatTensor("", [4f], 1) });

        var e = OnnxTensorFile.Read(empty, new OptionalType(IrType.Unknown));
        var f = OnnxTensorFile.ReadOptional(full);

        Assert.That(e.Value!.OptionalValue, Is.Null);
        Assert.That(f.Value!.OptionalValue!.Tensor!.AsSpan<float>()[0], Is.EqualTo(4f));
    }

    [Test]
    public void ReadMap_Int64Keys_PairsKeysAndValues()
    {
        using var dir = new TempDirectory();
        var values = new SequenceProto { ElemType = 1 };
        values.TensorValues.AddRange([FloatTensor("", [1f], 1), FloatTensor("", [2f], 1)]);
        var map = new MapProto { Name = "m", KeyType = Int64Type, Values = values };
        map.Keys.AddRange([10, 20]);
        string path = dir.Write("m.pb", map);

        var result = OnnxTensorFile.Read(path, new MapType(ElementType.Int64, IrType.Unknown));

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Value!.Keys!.AsSpan<long>().ToArray(), Is.EqualTo(new long[] { 10, 20 }));
        Assert.That(result.Value.Elements, Has.Length.EqualTo(2));
    }

    [Test]
    public void ReadSparseTensor_Valid_Reads()
    {
        using var dir = new TempDirectory();
        var indices = new TensorProto { DataType = Int64Type };
        indices.Dims.Add(1);
        indices.Int64Data.Add(1);
        var sparse = new SparseTensorProto { Values = FloatTensor("v", [3f], 1), Indices = indices };
        sparse.Dims.Add(4);
        string path = dir.Write("sp.pb", sparse);

        var result = OnnxTensorFile.Read(path, new SparseTensorType(ElementType.Float, Shape.Of(4L)));

        Assert.That(result.Value!.SparseTensor!.Type.ToString(), Is.EqualTo("sparse<f32[4]>"));
    }

    [Test]
    public void ReadTensor_ExternalDataNextToFile_Reads()
    {
        using var dir = new TempDirectory();
        dir.Write("t.bin", BitConverter.GetBytes(7f));
        var t = new TensorProto { Name = "x", DataType = Float, DataLocation = TensorProto.Types.DataLocation.External };
        t.Dims.Add(1);
        t.ExternalData.Add(new StringStringEntryProto { Key = "location", Value = "t.bin" });
        string path = dir.Write("t.pb", t);

        Assert.That(OnnxTensorFile.ReadTensor(path).Value!.Tensor!.AsSpan<float>()[0], Is.EqualTo(7f));
    }
}
