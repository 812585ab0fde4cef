using Halo.Core.IR;
using Halo.Frontends.TensorFlow.Protos;
using Halo.Core.IR.Types;
using NUnit.Framework;
using static Halo.Tests.Frontends.TensorFlow.TfGraphs;

namespace Halo.Tests.Frontends.TensorFlow;

/// <summary>Shape, layout, slicing, joining, splitting and reduction converters on small GraphDefs, run with the
/// reference semantics.</summary>
[TestFixture]
public sealed class TensorFlowShapeOperatorTests
{
    private static readonly float[] s_matrix = [1f, 2f, 3f, 4f, 5f, 6f];

    /// <summary>x: float [2, 3] = [[1,2,3],[4,5,6]], then the given nodes; the last one is the output.</summary>
    private static TensorData Run(params NodeDef[] nodes) =>
        TfImport.RunOne(Graph([Placeholder("x", Float, 2, 3), .. nodes]), TensorData.FromFloats(s_matrix, 2, 3));

    private static float[] Floats(TensorData data) => data.AsSpan<float>().ToArray();

    [Test]
    public void Convert_ReshapeWithInt32ShapeAndMinusOne_InfersDimension()
    {
        var y = Run(ConstInts("s", [-1, 2], 2), Node("Reshape", "y", ["x", "s"]));

        Assert.That(y.Dimensions, Is.EqualTo(new long[] { 3, 2 }));
        Assert.That(Floats(y), Is.EqualTo(s_matrix));
    }

    [Test]
    public void Convert_SqueezeAndExpandDims_RemoveAndAddUnitAxes()
    {
        var y = Run(ConstInts("axis", [0], 1), Node("ExpandDims", "e", ["x", "axis"]),
            Node("Squeeze", "y", ["e"], ("squeeze_dims", Ints(0))));
        var all = Run(ConstInts("axis", [-1], 1), Node("ExpandDims", "e", ["x", "axis"]), Node("Squeeze", "y", ["e"]));

        Assert.That(y.Dimensions, Is.EqualTo(new long[] { 2, 3 }));
        Assert.That(all.Dimensions, Is.EqualTo(new long[] { 2, 3 }));
    }

    [Test]
    public void Convert_TransposeWithConstantPermutation_SwapsAxes()
    {
        var y = Run(ConstInts("perm", [1, 0], 2), Node("Transpose", "y", ["x", "perm"]));

        Assert.That(y.Dimensions, Is.EqualTo(new long[] { 3, 2 }));
        Assert.That(Floats(y), Is.EqualTo(new[] { 1f, 4f, 2f, 5f, 3f, 6f }));
    }

    [Test]
    public void Convert_ShapeDefaultOutType_GivesInt32()
    {
        var y = Run(Node("Shape", "y", ["x"]));

        Assert.That(y.ElementType, Is.EqualTo(ElementType.Int32));
        Assert.That(y.AsSpan<int>().ToArray(), Is.EqualTo(new[] { 2, 3 }));
    }

    [Test]
    public void Convert_CastToInt32_TruncatesTowardZero()
    {
        var graph = Graph(Placeholder("x", Float, 2), Node("Cast", "y", ["x"], ("SrcT", Type(Float)), ("DstT", Type(DataType.DtInt32))));

        var y = TfImport.RunOne(graph, TensorData.FromFloats([1.7f, -1.7f], 2));

        Assert.That(y.AsSpan<int>().ToArray(), Is.EqualTo(new[] { 1, -1 }));
    }

    [Test]
    public void Convert_PackOnAxis1_StacksInputs()
    {
        var y = Run(Const("c", [7f, 8f, 9f, 10f, 11f, 12f], 2, 3), Node("Pack", "y", ["x", "c"], ("axis", Int(1)), ("N", Int(2))));

        Assert.That(y.Dimensions, Is.EqualTo(new long[] { 2, 2, 3 }));
        Assert.That(Floats(y), Is.EqualTo(new[] { 1f, 2f, 3f, 7f, 8f, 9f, 4f, 5f, 6f, 10f, 11f, 12f }));
    }

    [Test]
    public void Convert_ConcatV2WithTrailingAxis_Concatenates()
    {
        var y = Run(Const("c", [7f, 8f], 2, 1), ConstInts("axis", [1], []), Node("ConcatV2", "y", ["x", "c", "axis"], ("N", Int(2))));

        Assert.That(y.Dimensions, Is.EqualTo(new long[] { 2, 4 }));
        Assert.That(Floats(y), Is.EqualTo(new[] { 1f, 2f, 3f, 7f, 4f, 5f, 6f, 8f }));
    }

    [Test]
    public void Convert_PadWithBeforeAndAfter_AddsZeros()
    {
        var y = Run(ConstInts("p", [1, 0, 0, 1], 2, 2), Node("Pad", "y", ["x", "p"]));

        Assert.That(y.Dimensions, Is.EqualTo(new long[] { 3, 4 }));
        Assert.That(Floats(y), Is.EqualTo(new[] { 0f, 0f, 0f, 0f, 1f, 2f, 3f, 0f, 4f, 5f, 6f, 0f }));
    }

    [Test]
    public void Convert_StridedSliceShrinkAxis_TakesColumn()
    {
        // x[:, 1]: begin_mask on axis 0, shrink on axis 1.
        var y = Run(ConstInts("b", [0, 1], 2), ConstInts("e", [0, 2], 2), ConstInts("s", [1, 1], 2),
            Node("StridedSlice", "y", ["x", "b", "e", "s"], ("begin_mask", Int(1)), ("end_mask", Int(1)), ("shrink_axis_mask", Int(2))));

        Assert.That(y.Dimensions, Is.EqualTo(new long[] { 2 }));
        Assert.That(Floats(y), Is.EqualTo(new[] { 2f, 5f }));
    }

    [Test]
    public void Convert_StridedSliceNegativeStrideWithMasks_Reverses()
    {
        // x[:, ::-1]
        var y = Run(ConstInts("b", [0, 0], 2), ConstInts("e", [0, 0], 2), ConstInts("s", [1, -1], 2),
            Node("StridedSlice", "y", ["x", "b", "e", "s"], ("begin_mask", Int(3)), ("end_mask", Int(3))));

        Assert.That(Floats(y), Is.EqualTo(new[] { 3f, 2f, 1f, 6f, 5f, 4f }));
    }

    [Test]
    public void Convert_SliceWithSizeMinusOne_RunsToEnd()
    {
        var y = Run(ConstInts("b", [1, 1], 2), ConstInts("n", [1, -1], 2), Node("Slice", "y", ["x", "b", "n"]));

        Assert.That(Floats(y), Is.EqualTo(new[] { 5f, 6f }));
    }

    [TestCase("Mean", false, new[] { 2f, 5f })]
    [TestCase("Sum", false, new[] { 6f, 15f })]
    [TestCase("Max", true, new[] { 3f, 6f })]
    [TestCase("Min", false, new[] { 1f, 4f })]
    [TestCase("Prod", false, new[] { 6f, 120f })]
    public void Convert_ReductionOverAxis1_ReducesRows(string op, bool keepDims, float[] expected)
    {
        var y = Run(ConstInts("axes", [1], 1), Node(op, "y", ["x", "axes"], ("keep_dims", Bool(keepDims))));

        Assert.That(y.Dimensions, Is.EqualTo(keepDims ? new long[] { 2, 1 } : new long[] { 2 }));
        Assert.That(Floats(y), Is.EqualTo(expected));
    }

    [Test]
    public void Convert_ArgMaxInt32_GivesIndexPerRow()
    {
        var y = Run(ConstInts("d", [1], []), Node("ArgMax", "y", ["x", "d"], ("output_type", Type(DataType.DtInt32))));

        Assert.That(y.ElementType, Is.EqualTo(ElementType.Int32));
        Assert.That(y.AsSpan<int>().ToArray(), Is.EqualTo(new[] { 2, 2 }));
    }

    [Test]
    public void Convert_SplitSecondOutputByIndex_IsUsedThroughNameColonK()
    {
        var y = Run(ConstInts("axis", [1], []), Node("Split", "parts", ["axis", "x"], ("num_split", Int(3))),
            Node("Identity", "y", ["parts:1"]), Node("NoOp", "sink", ["^parts"]));
        var graph = TfImport.Model(Graph(Placeholder("x", Float, 2, 3), ConstInts("axis", [1], []),
            Node("Split", "parts", ["axis", "x"], ("num_split", Int(3)))));

        Assert.That(Floats(y), Is.EqualTo(new[] { 2f, 5f }));
        Assert.That(graph.Graph.Outputs.Select(o => graph.Graph.NameOf(o)), Is.EqualTo(new[] { "parts", "parts:1", "parts:2" }));
    }

    [Test]
    public void Convert_UnpackAxis0_GivesRows()
    {
        var y = Run(Node("Unpack", "rows", ["x"], ("num", Int(2))), Node("Identity", "y", ["rows:1"]));

        Assert.That(y.Dimensions, Is.EqualTo(new long[] { 3 }));
        Assert.That(Floats(y), Is.EqualTo(new[] { 4f, 5f, 6f }));
    }

    [Test]
    public void Convert_TileAndFill_RepeatAndBroadcast()
    {
        var tiled = Run(ConstInts("m", [1, 2], 2), Node("Tile", "y", ["x", "m"]));
        var filled = Run(ConstInts("dims", [2, 2], 2), Const("v", [7f]), Node("Fill", "f", ["dims", "v"]),
            Node("Identity", "y", ["f", "^x"]));

        Assert.That(Floats(tiled), Is.EqualTo(new[] { 1f, 2f, 3f, 1f, 2f, 3f, 4f, 5f, 6f, 4f, 5f, 6f }));
        Assert.That(Floats(filled), Is.EqualTo(new[] { 7f, 7f, 7f, 7f }));
    }
}
