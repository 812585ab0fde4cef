using Halo.Core.Operators;
using NUnit.Framework;

namespace Halo.Tests.Operators.Onnx.Tensor;

[TestFixture]
public sealed class TensorOperatorSetTests
{
    private static readonly (string Op, int[] Versions)[] s_versions =
    [
        ("Constant", [1, 9, 11, 12, 13, 19, 21, 23]),
        ("ConstantOfShape", [9, 20, 21, 23]),
        ("Shape", [1, 13, 15, 19, 21, 23]),
        ("Size", [1, 13, 19, 21, 23]),
        ("Reshape", [1, 5, 13, 14, 19, 21, 23]),
        ("Flatten", [1, 9, 11, 13, 21, 23]),
        ("Squeeze", [1, 11, 13, 21, 23]),
        ("Unsqueeze", [1, 11, 13, 21, 23]),
        ("Transpose", [1, 13, 21, 23]),
        ("Concat", [1, 4, 11, 13]),
        ("Split", [1, 2, 11, 13, 18]),
        ("Slice", [1, 10, 11, 13]),
        ("Gather", [1, 11, 13]),
        ("GatherElements", [11, 13]),
        ("GatherND", [11, 12, 13]),
        ("Scatter", [9]),
        ("ScatterElements", [11, 13, 16, 18]),
        ("ScatterND", [11, 13, 16, 18]),
        ("Expand", [8, 13]),
        ("Tile", [1, 6, 13]),
        ("Pad", [1, 2, 11, 13, 18, 19, 21, 23]),
        ("Range", [11]),
        ("OneHot", [9, 11]),
        ("NonZero", [9, 13]),
        ("Unique", [11]),
        ("Compress", [9, 11]),
        ("DepthToSpace", [1, 11, 13]),
        ("SpaceToDepth", [1, 13]),
        ("Resize", [10, 11, 13, 18, 19]),
        ("Upsample", [1, 7, 9]),
        ("ReverseSequence", [10]),
        ("EyeLike", [9, 22]),
        ("Col2Im", [18]),
        ("CenterCropPad", [18]),
        ("SequenceConstruct", [11]),
        ("SequenceEmpty", [11]),
        ("SequenceAt", [11]),
        ("SequenceInsert", [11]),
        ("SequenceErase", [11]),
        ("SequenceLength", [11]),
        ("SplitToSequence", [11]),
        ("ConcatFromSequence", [11]),
        ("Optional", [15]),
        ("OptionalHasElement", [15, 18]),
        ("OptionalGetElement", [15, 18]),
        ("If", [1, 11, 13, 16, 19, 21, 23]),
        ("Loop", [1, 11, 13, 16, 19, 21, 23]),
        ("Scan", [8, 9, 11, 16, 19, 21, 23]),
        ("SequenceMap", [17]),
        ("StringNormalizer", [10]),
        ("StringConcat", [20]),
        ("StringSplit", [20]),
        ("RegexFullMatch", [20]),
    ];

    /// <summary>The names of the operators of this family.</summary>
    internal static HashSet<string> OperatorNames() => [.. s_versions.Select(e => e.Op)];

    private static IEnumerable<TestCaseData> Versions() =>
        s_versions.SelectMany(e => e.Versions.Select(v => new TestCaseData(e.Op, v).SetName($"Registry_{e.Op}{v}_IsDefined")));

    [TestCaseSource(nameof(Versions))]
    public void Registry_Version_IsDefined(string op, int version)
    {
        Assert.That(OperatorRegistry.Default.TryResolve("", op, version, out var schema), Is.True);
        Assert.That(schema!.Id.SinceVersion, Is.EqualTo(version));
    }

    [Test]
    public void Registry_Slice_Version1HasAttributesAndVersion10Inputs()
    {
        Assert.That(OperatorRegistry.Default.TryResolve("", "Slice", 9, out var v1), Is.True);
        Assert.That(OperatorRegistry.Default.TryResolve("", "Slice", 10, out var v10), Is.True);
        Assert.That(v1!.Attributes.ContainsKey("starts"), Is.True);
        Assert.That(v1.MaxInputs, Is.EqualTo(1));
        Assert.That(v10!.Attributes.ContainsKey("starts"), Is.False);
        Assert.That(v10.MaxInputs, Is.EqualTo(5));
    }

    [Test]
    public void Registry_BeforeFirstVersion_IsNotResolved()
    {
        Assert.That(OperatorRegistry.Default.TryResolve("", "Range", 10, out _), Is.False);
        Assert.That(OperatorRegistry.Default.TryResolve("", "Col2Im", 17, out _), Is.False);
    }
}
