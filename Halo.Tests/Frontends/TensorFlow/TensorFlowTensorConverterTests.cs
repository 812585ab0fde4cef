using Google.Protobuf;
using Halo.Core.IR;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Frontends.TensorFlow.Protos;
using NUnit.Framework;
using static Halo.Tests.Frontends.TensorFlow.TfGraphs;

namespace Halo.Tests.Frontends.TensorFlow;

/// <summary>Const values: tensor_content, the typed *_val fields, the fill rule (a single value fills the shape; fewer
/// values repeat the last; none means zeros) and the data type mapping.</summary>
[TestFixture]
public sealed class TensorFlowTensorConverterTests
{
    /// <summary>Imports Const "c" feeding an Identity output and returns the constant's data.</summary>
    private static TensorData ConstantOf(TensorProto tensor)
    {
        var model = TfImport.Model(Graph(Const("c", tensor), Node("Identity", "y", ["c"])));
        var identity = (GreenOp)model.Graph.Outputs[0].Producer!;
        return ((GreenConstant)identity.Inputs[0].Producer!).Data!;
    }

    private static TensorProto Tensor(DataType type, params long[] dims) => new() { Dtype = type, TensorShape = ShapeProto(dims) };

    [Test]
    public void Convert_TensorContent_KeepsBytesAndShape()
    {
        var tensor = Tensor(Float, 2, 2);
        tensor.TensorContent = Content(new[] { 1f, 2f, 3f, 4f });

        var data = ConstantOf(tensor);

        Assert.That(data.Type, Is.EqualTo(TensorType.Of(ElementType.Float, 2, 2)));
        Assert.That(data.AsSpan<float>().ToArray(), Is.EqualTo(new[] { 1f, 2f, 3f, 4f }));
    }

    [Test]
    public void Convert_SingleFloatVal_FillsTheShape()
    {
        var tensor = Tensor(Float, 2, 3);
        tensor.FloatVal.Add(0.5f);

        Assert.That(ConstantOf(tensor).AsSpan<float>().ToArray(), Is.EqualTo(Enumerable.Repeat(0.5f, 6)));
    }

    [Test]
    public void Convert_FewerValuesThanShape_RepeatsTheLast()
    {
        var tensor = Tensor(DataType.DtInt64, 4);
        tensor.Int64Val.AddRange([7L, 9L]);

        Assert.That(ConstantOf(tensor).AsSpan<long>().ToArray(), Is.EqualTo(new[] { 7L, 9L, 9L, 9L }));
    }

    [Test]
    public void Convert_NoValues_GivesZeros()
    {
        var data = ConstantOf(Tensor(DataType.DtInt32, 3));

        Assert.That(data.ElementType, Is.EqualTo(ElementType.Int32));
        Assert.That(data.AsSpan<int>().ToArray(), Is.EqualTo(new[] { 0, 0, 0 }));
    }

    [Test]
    public void Convert_ScalarIntVal_IsRankZero()
    {
        var tensor = Tensor(DataType.DtInt32);
        tensor.IntVal.Add(42);

        var data = ConstantOf(tensor);

        Assert.That(data.Dimensions, Is.Empty);
        Assert.That(data.AsSpan<int>()[0], Is.EqualTo(42));
    }

    [TestCase((int)DataType.DtUint8, ElementType.UInt8, new byte[] { 1, 255 })]
    [TestCase((int)DataType.DtInt8, ElementType.Int8, new byte[] { 1, 255 })]
    [TestCase((int)DataType.DtInt16, ElementType.Int16, new byte[] { 1, 0, 255, 255 })]
    public void Convert_NarrowIntegersInIntVal_PackToTheirWidth(int type, ElementType expectedType, byte[] expectedBytes)
    {
        var tensor = Tensor((DataType)type, 2);
        tensor.IntVal.AddRange([1, -1]);

        var data = ConstantOf(tensor);

        Assert.That(data.ElementType, Is.EqualTo(expectedType));
        Assert.That(data.Bytes.ToArray(), Is.EqualTo(expectedBytes));
    }

    [Test]
    public void Convert_HalfVal_KeepsBitPatterns()
    {
        var tensor = Tensor(DataType.DtHalf, 2);
        tensor.HalfVal.AddRange([0x3C00, 0xC000]);

        var data = ConstantOf(tensor);

        Assert.That(data.ElementType, Is.EqualTo(ElementType.Float16));
        Assert.That(data.AsSpan<Half>().ToArray(), Is.EqualTo(new[] { (Half)1, (Half)(-2) }));
    }

    [Test]
    public void Convert_BoolValAndDoubleVal_Convert()
    {
        var flags = Tensor(DataType.DtBool, 3);
        flags.BoolVal.AddRange([true, false, true]);
        var doubles = Tensor(DataType.DtDouble, 2);
        doubles.DoubleVal.AddRange([1.5, -2.5]);

        Assert.That(ConstantOf(flags).Bytes.ToArray(), Is.EqualTo(new byte[] { 1, 0, 1 }));
        Assert.That(ConstantOf(doubles).AsSpan<double>().ToArray(), Is.EqualTo(new[] { 1.5, -2.5 }));
    }

    [Test]
    public void Convert_StringVal_GivesStringTensor()
    {
        var tensor = Tensor(DataType.DtString, 2);
        tensor.StringVal.Add(ByteString.CopyFromUtf8("cat"));

        var data = ConstantOf(tensor);

        Assert.That(data.Strings, Is.EqualTo(new[] { "cat", "cat" }));
    }

    [Test]
    public void Convert_ReferenceDataType_IsItsValueType()
    {
        var tensor = Tensor((DataType)101, 1);
        tensor.FloatVal.Add(3f);

        Assert.That(ConstantOf(tensor).ElementType, Is.EqualTo(ElementType.Float));
    }
}
