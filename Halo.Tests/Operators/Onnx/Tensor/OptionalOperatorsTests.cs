using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.Tensor.OpTest;

namespace Halo.Tests.Operators.Onnx.Tensor;

[TestFixture]
public sealed class OptionalOperatorsTests
{
    [Test]
    public void Optional_Input_WrapsInputType()
    {
        var t = new OpTest(15);
        Assert.That(t.Run1("Optional", [t.Input(ElementType.Float, 2L)]), Is.EqualTo(new OptionalType(TensorType.Of(ElementType.Float, 2))));
    }

    [Test]
    public void Optional_TypeAttribute_WrapsDeclaredType()
    {
        var t = new OpTest(15);
        var declared = new SequenceType(new TensorType(ElementType.Int32, Shape.Unranked));
        Assert.That(t.Run1("Optional", [], ("type", declared)), Is.EqualTo(new OptionalType(declared)));
    }

    [Test]
    public void Optional_Nothing_ReportsHalo2005()
    {
        var t = new OpTest(15);
        t.Run1("Optional", []);
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void OptionalHasElement_Optional_IsBoolScalar()
    {
        var t = new OpTest(15);
        var y = t.Run1("OptionalHasElement", [t.Input(new OptionalType(TensorType.Of(ElementType.Float, 2)))]);
        Assert.That(y, Is.EqualTo(new TensorType(ElementType.Bool, Shape.Scalar)));
    }

    [Test]
    public void OptionalHasElement18_TensorOrNothing_IsBoolScalar()
    {
        var t = new OpTest(18);
        Assert.That(t.Run1("OptionalHasElement", [t.Input(ElementType.Float, 2L)]), Is.EqualTo(new TensorType(ElementType.Bool, Shape.Scalar)));
        Assert.That(t.Run1("OptionalHasElement", [ValueRef.None]), Is.EqualTo(new TensorType(ElementType.Bool, Shape.Scalar)));
        Assert.That(t.Errors, Is.Empty);
    }

    [Test]
    public void OptionalHasElement15_Tensor_ReportsHalo2005()
    {
        var t = new OpTest(15);
        t.Run1("OptionalHasElement", [t.Input(ElementType.Float, 2L)]);
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void OptionalGetElement_Optional_Unwraps()
    {
        var t = new OpTest(15);
        var seq = new SequenceType(T(ElementType.Float, "N"));
        Assert.That(t.Run1("OptionalGetElement", [t.Input(new OptionalType(seq))]), Is.EqualTo(seq));
    }

    [Test]
    public void OptionalGetElement18_Tensor_PassesThrough()
    {
        var t = new OpTest(18);
        Assert.That(t.Run1("OptionalGetElement", [t.Input(ElementType.Float, 2L)]), Is.EqualTo(TensorType.Of(ElementType.Float, 2)));
    }

    [Test]
    public void OptionalGetElement15_Tensor_ReportsHalo2005()
    {
        var t = new OpTest(15);
        t.Run1("OptionalGetElement", [t.Input(ElementType.Float, 2L)]);
        Assert.That(t.HasHalo2005, Is.True);
    }
}
