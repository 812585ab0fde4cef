using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using NUnit.Framework;

namespace Halo.Tests.Core.Operators;

[TestFixture]
public sealed class InferenceContextTests
{
    private static Shape ReshapeWith(string attribute, AttributeValue value)
    {
        var b = new GraphBuilder(opsets: new Dictionary<string, long> { [""] = 13 });
        var x = b.AddInput("x", TensorType.Of(ElementType.Float, 2, 6));
        var shape = b.AddOp("Constant", [], AttributeMap.Create(new Dictionary<string, AttributeValue> { [attribute] = value }), 1)[0];
        var y = b.AddOp("Reshape", x, shape);
        Assert.That(b.Diagnostics, Is.Empty);
        return ((TensorType)y.Type).Shape;
    }

    [Test]
    public void InputConstant_ConstantWithValueInts_IsSeenByConsumers()
    {
        Assert.That(ReshapeWith("value_ints", AttributeValue.FromInts([3, 4])), Is.EqualTo(Shape.Of(3, 4)));
    }

    [Test]
    public void InputConstant_ConstantWithValueTensor_IsSeenByConsumers()
    {
        Assert.That(ReshapeWith("value", AttributeValue.FromTensor(TensorData.FromInt64s([4, -1], 2))), Is.EqualTo(Shape.Of(4, 3)));
    }

    [Test]
    public void CreateOp_HeterogeneousVariadicOutputs_DoNotCopyTheFirstOperandType()
    {
        var body = new GraphBuilder();
        body.AddOutput(body.AddConstant("one", TensorData.FromInt64s([1], 1)));
        var b = new GraphBuilder(opsets: new Dictionary<string, long> { [""] = 16 });
        var cond = b.AddInput("c", TensorType.Of(ElementType.Bool));
        var attrs = AttributeMap.Create(new Dictionary<string, AttributeValue>
        {
            ["then_branch"] = AttributeValue.FromGraph(body.Build("then")),
            ["else_branch"] = AttributeValue.FromGraph(body.Build("else")),
        });

        var result = b.AddOp("If", ImmutableArray.Create(cond), attrs, 1)[0];

        Assert.That(result.Type, Is.EqualTo(TensorType.Of(ElementType.Int64, 1)));
    }
}
