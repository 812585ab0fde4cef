using System.Collections.Immutable;
using Halo.Backends.Interpreter;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;
using NUnit.Framework;

namespace Halo.Tests.Backends.Interpreter;

[TestFixture]
public sealed class InferenceValueTests
{
    private static readonly TensorType s_floatItem = new(ElementType.Float, Shape.Unranked);

    [Test]
    public void FromRuntimeValue_Sequence_RoundTripsItemsAndType()
    {
        var runtime = new SequenceValue(s_floatItem,
            [new TensorValue(TensorData.FromFloats([1f, 2f], 2)), new TensorValue(TensorData.FromFloats([3f], 1, 1))]);

        var value = InferenceValue.FromRuntimeValue(runtime);

        var sequence = (TensorSequence)value;
        Assert.That(sequence.Count, Is.EqualTo(2));
        Assert.That(sequence[0].ToArray<float>(), Is.EqualTo(new[] { 1f, 2f }));
        Assert.That(sequence[1].Shape.ToArray(), Is.EqualTo(new[] { 1, 1 }));
        Assert.That(sequence.Type, Is.EqualTo(new SequenceType(s_floatItem)));
        Assert.That(ValueComparison.Compare(runtime, sequence.ToRuntimeValue(), 0, 0), Is.Null);
    }

    [Test]
    public void FromRuntimeValue_EmptySequence_KeepsItsElementType()
    {
        var value = (TensorSequence)InferenceValue.FromRuntimeValue(new SequenceValue(TensorType.Of(ElementType.Int64), []));

        Assert.That(value.Count, Is.Zero);
        Assert.That(value.ItemType.ElementType, Is.EqualTo(ElementType.Int64));
    }

    [Test]
    public void FromRuntimeValue_EmptyAndPresentOptionals_KeepPresenceAndType()
    {
        var empty = (InferenceOptional)InferenceValue.FromRuntimeValue(new OptionalValue(TensorType.Of(ElementType.Int32), null));
        var present = (InferenceOptional)InferenceValue.FromRuntimeValue(
            new OptionalValue(new SequenceType(s_floatItem), new SequenceValue(s_floatItem, [new TensorValue(TensorData.FromFloats([5f], 1))])));

        Assert.That(empty.HasValue, Is.False);
        Assert.That(empty.Type, Is.EqualTo(new OptionalType(TensorType.Of(ElementType.Int32))));
        Assert.That(((OptionalValue)empty.ToRuntimeValue()).Value, Is.Null);
        Assert.That(present.Value, Is.TypeOf<TensorSequence>());
        Assert.That(((TensorSequence)present.Value!)[0].ToArray<float>(), Is.EqualTo(new[] { 5f }));
    }

    [Test]
    public void FromRuntimeValue_Map_ThrowsArgumentException()
    {
        var map = new MapValue(ElementType.Int64, TensorType.Of(ElementType.Float), ImmutableArray<KeyValuePair<object, RuntimeValue>>.Empty);

        Assert.That(() => InferenceValue.FromRuntimeValue(map), Throws.ArgumentException.With.Message.Contains("map"));
    }

    [Test]
    public void TensorSequence_ItemOfAnotherElementType_ThrowsArgumentException()
    {
        Assert.That(() => new TensorSequence(ElementType.Float, [Tensor.Create<int>([1], 1)]),
            Throws.ArgumentException.With.Message.Contains("i32"));
    }

    [Test]
    public void InferenceOptional_ValueOfAnotherKind_ThrowsArgumentException()
    {
        var tensor = Tensor.Create<float>([1f], 1);

        Assert.That(() => new InferenceOptional(new SequenceType(s_floatItem), tensor), Throws.ArgumentException);
        Assert.That(() => new InferenceOptional(new OptionalType(s_floatItem), null), Throws.ArgumentException);
        Assert.That(new InferenceOptional(s_floatItem, tensor).HasValue, Is.True);
    }

    [Test]
    public void Tensor_Int4FromTensorData_KeepsPackedBytesAndRefusesSpans()
    {
        // ONNX: 4-bit elements are packed two per byte, low nibble first; 3 elements take 2 bytes.
        var data = TensorData.FromBytes(ElementType.Int4, [3], new byte[] { 0x21, 0x0F });

        var tensor = Tensor.FromTensorData(data);

        Assert.That(tensor.Length, Is.EqualTo(3));
        Assert.That(tensor.ToTensorData().IsEquivalentTo(data), Is.True);
        Assert.That(tensor.Type, Is.EqualTo(TensorType.Of(ElementType.Int4, 3)));
        Assert.That(() => tensor.AsSpan<byte>(), Throws.InvalidOperationException);
        Assert.That(Tensor.Zeros(ElementType.UInt4, 5).ToTensorData().Bytes.Length, Is.EqualTo(3));
    }
}
