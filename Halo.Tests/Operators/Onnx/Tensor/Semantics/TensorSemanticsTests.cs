using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;
using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.Tensor.Semantics.TensorEval;

namespace Halo.Tests.Operators.Onnx.Tensor.Semantics;

[TestFixture]
public sealed class TensorSemanticsTests
{
    [Test]
    public void Transpose_Strings_PermutesElements()
    {
        var y = Run1(13, "Transpose", [Strings(["a", "b", "c", "d", "e", "f"], 2, 3)]);
        Assert.That(y.Dimensions, Is.EqualTo(new long[] { 3, 2 }));
        Assert.That(y.Strings, Is.EqualTo(new[] { "a", "d", "b", "e", "c", "f" }));
    }

    [Test]
    public void Transpose_UInt4_MovesNibbles()
    {
        var x = TensorData.FromBytes(ElementType.UInt4, [2, 2], new byte[] { 0x21, 0x43 });
        var y = Run1(21, "Transpose", [x]);
        Assert.That(y.Bytes.ToArray(), Is.EqualTo(new byte[] { 0x31, 0x42 }));
    }

    [Test]
    public void Slice_NegativeStepPastEnd_ReversesClampedAxis()
    {
        var y = Run1(13, "Slice", [Ints([0, 1, 2, 3, 4], 5), Ints([100], 1), Ints([-100], 1), Ints([0], 1), Ints([-2], 1)]);
        Assert.That(y.AsSpan<long>().ToArray(), Is.EqualTo(new long[] { 4, 2, 0 }));
    }

    [Test]
    public void Slice_Version1Attributes_SelectsRange()
    {
        var y = Run1(1, "Slice", [TensorData.FromFloats([1, 2, 3, 4], 2, 2)], ("starts", new long[] { 1 }), ("ends", new long[] { 2 }), ("axes", new long[] { 1 }));
        Assert.That(y.AsSpan<float>().ToArray(), Is.EqualTo(new float[] { 2, 4 }));
    }

    [Test]
    public void Gather_NegativeIndexOnFloat16_PicksFromEnd()
    {
        var x = TensorData.Create<Half>(ElementType.Float16, [(Half)1, (Half)2, (Half)3], 3);
        var y = Run1(13, "Gather", [x, Ints([-1, 0], 2)]);
        Assert.That(y.AsSpan<Half>().ToArray(), Is.EqualTo(new[] { (Half)3, (Half)1 }));
    }

    [Test]
    public void Gather_IndexOutOfRange_FailsWithEvaluationException()
    {
        Assert.Throws<EvaluationException>(() => Run1(13, "Gather", [Ints([1, 2], 2), Ints([5], 1)]));
    }

    [Test]
    public void Reshape_AllowZero_KeepsZeroSize()
    {
        var y = Run1(14, "Reshape", [Ints([], 0, 3), Ints([3, 0], 2)], ("allowzero", 1L));
        Assert.That(y.Dimensions, Is.EqualTo(new long[] { 3, 0 }));
    }

    [Test]
    public void Split_18NumOutputsUneven_LastPieceSmaller()
    {
        var r = Run(18, "Split", [Ints([1, 2, 3, 4, 5], 5)], 2, ("num_outputs", 2L));
        Assert.That(((TensorValue)r[0]).Data.Dimensions[0], Is.EqualTo(3));
        Assert.That(((TensorValue)r[1]).Data.AsSpan<long>().ToArray(), Is.EqualTo(new long[] { 4, 5 }));
    }

    [Test]
    public void Pad_WrapOnInt32_RepeatsPeriodically()
    {
        var x = TensorData.Create<int>(ElementType.Int32, [1, 2, 3], 3);
        var y = Run1(19, "Pad", [x, Ints([2, 1], 2)], ("mode", "wrap"));
        Assert.That(y.AsSpan<int>().ToArray(), Is.EqualTo(new[] { 2, 3, 1, 2, 3, 1 }));
    }

    [Test]
    public void Pad_NegativePads_Crop()
    {
        var y = Run1(13, "Pad", [Ints([1, 2, 3, 4], 4), Ints([-1, -2], 2)]);
        Assert.That(y.AsSpan<long>().ToArray(), Is.EqualTo(new long[] { 2 }));
    }

    [Test]
    public void Expand_HugeShape_FailsWithEvaluationException()
    {
        Assert.Throws<EvaluationException>(() => Run1(13, "Expand", [Ints([1], 1), Ints([1L << 20, 1L << 20], 2)]));
    }

    [Test]
    public void Concat_Strings_JoinsAlongAxis()
    {
        var y = Run1(13, "Concat", [Strings(["a", "b"], 2, 1), Strings(["c", "d"], 2, 1)], ("axis", 1L));
        Assert.That(y.Strings, Is.EqualTo(new[] { "a", "c", "b", "d" }));
    }

    [Test]
    public void Unique_UnsortedWithAxis_KeepsFirstOccurrenceOrder()
    {
        var r = Run(11, "Unique", [Ints([3, 3, 1, 1, 3, 3], 3, 2)], 4, ("axis", 0L), ("sorted", 0L));
        var y = ((TensorValue)r[0]).Data;
        Assert.That(y.AsSpan<long>().ToArray(), Is.EqualTo(new long[] { 3, 3, 1, 1 }));
        Assert.That(((TensorValue)r[2]).Data.AsSpan<long>().ToArray(), Is.EqualTo(new long[] { 0, 1, 0 }));
        Assert.That(((TensorValue)r[3]).Data.AsSpan<long>().ToArray(), Is.EqualTo(new long[] { 2, 1 }));
    }

    [Test]
    public void ScatterND_MaxOnUInt8_KeepsLarger()
    {
        var data = TensorData.Create<byte>(ElementType.UInt8, [5, 5], 2);
        var upd = TensorData.Create<byte>(ElementType.UInt8, [9, 1], 2);
        var y = Run1(18, "ScatterND", [data, Ints([0, 1], 2, 1), upd], ("reduction", "max"));
        Assert.That(y.AsSpan<byte>().ToArray(), Is.EqualTo(new byte[] { 9, 5 }));
    }

    [Test]
    public void StringSplit_NoDelimiter_SplitsOnWhitespaceRuns()
    {
        var r = Run(20, "StringSplit", [Strings(["  a  b ", "c"], 2)], 2);
        Assert.That(((TensorValue)r[0]).Data.Strings, Is.EqualTo(new[] { "a", "b", "c", "" }));
        Assert.That(((TensorValue)r[1]).Data.AsSpan<long>().ToArray(), Is.EqualTo(new long[] { 2, 1 }));
    }

    [Test]
    public void RegexFullMatch_PartialMatch_IsFalse()
    {
        var y = Run1(20, "RegexFullMatch", [Strings(["abc", "ab"], 2)], ("pattern", "a.c"));
        Assert.That(y.AsSpan<bool>().ToArray(), Is.EqualTo(new[] { true, false }));
    }

    [Test]
    public void Constant_ValueInts_IsInt64Vector()
    {
        var y = Run1(13, "Constant", [], ("value_ints", new long[] { 4, 5 }));
        Assert.That(y.AsSpan<long>().ToArray(), Is.EqualTo(new long[] { 4, 5 }));
    }
}
