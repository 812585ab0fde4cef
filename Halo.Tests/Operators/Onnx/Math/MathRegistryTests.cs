using Halo.Core.Operators;
using NUnit.Framework;

namespace Halo.Tests.Operators.Onnx.Math;

/// <summary>Every math operator is registered at exactly the since-versions of the ONNX changelog.</summary>
[TestFixture]
public sealed class MathRegistryTests
{
    private static readonly Dictionary<string, int[]> s_versions = new()
    {
        ["Abs"] = [1, 6, 13],
        ["Neg"] = [1, 6, 13],
        ["Reciprocal"] = [1, 6, 13],
        ["Sqrt"] = [1, 6, 13],
        ["Exp"] = [1, 6, 13],
        ["Log"] = [1, 6, 13],
        ["Ceil"] = [1, 6, 13],
        ["Floor"] = [1, 6, 13],
        ["Round"] = [11, 22],
        ["Sign"] = [9, 13],
        ["Erf"] = [9, 13],
        ["Sin"] = [7, 22],
        ["Cos"] = [7, 22],
        ["Tan"] = [7, 22],
        ["Asin"] = [7, 22],
        ["Acos"] = [7, 22],
        ["Atan"] = [7, 22],
        ["Sinh"] = [9, 22],
        ["Cosh"] = [9, 22],
        ["Asinh"] = [9, 22],
        ["Acosh"] = [9, 22],
        ["Atanh"] = [9, 22],
        ["IsNaN"] = [9, 13, 20],
        ["IsInf"] = [10, 20],
        ["Not"] = [1],
        ["BitwiseNot"] = [18],
        ["Add"] = [1, 6, 7, 13, 14],
        ["Sub"] = [1, 6, 7, 13, 14],
        ["Mul"] = [1, 6, 7, 13, 14],
        ["Div"] = [1, 6, 7, 13, 14],
        ["Pow"] = [1, 7, 12, 13, 15],
        ["Mod"] = [10, 13],
        ["BitShift"] = [11],
        ["BitwiseAnd"] = [18],
        ["BitwiseOr"] = [18],
        ["BitwiseXor"] = [18],
        ["And"] = [1, 7],
        ["Or"] = [1, 7],
        ["Xor"] = [1, 7],
        ["Equal"] = [1, 7, 11, 13, 19],
        ["Greater"] = [1, 7, 9, 13],
        ["GreaterOrEqual"] = [12, 16],
        ["Less"] = [1, 7, 9, 13],
        ["LessOrEqual"] = [12, 16],
        ["Max"] = [1, 6, 8, 12, 13],
        ["Min"] = [1, 6, 8, 12, 13],
        ["Mean"] = [1, 6, 8, 13],
        ["Sum"] = [1, 6, 8, 13],
        ["Where"] = [9, 16],
        ["PRelu"] = [1, 6, 7, 9, 16],
        ["Relu"] = [1, 6, 13, 14],
        ["LeakyRelu"] = [1, 6, 16],
        ["Elu"] = [1, 6, 22],
        ["Selu"] = [1, 6, 22],
        ["Celu"] = [12],
        ["Gelu"] = [20],
        ["HardSigmoid"] = [1, 6, 22],
        ["HardSwish"] = [14, 22],
        ["Mish"] = [18, 22],
        ["Softplus"] = [1, 22],
        ["Softsign"] = [1, 22],
        ["ThresholdedRelu"] = [10, 22],
        ["Shrink"] = [9],
        ["Sigmoid"] = [1, 6, 13],
        ["Tanh"] = [1, 6, 13],
        ["Clip"] = [1, 6, 11, 12, 13],
        ["Cast"] = [1, 6, 9, 13, 19, 21, 23],
        ["CastLike"] = [15, 19, 21, 23],
        ["Identity"] = [1, 13, 14, 16, 19, 21, 23],
        ["Dropout"] = [1, 6, 7, 10, 12, 13, 22],
        ["ReduceSum"] = [1, 11, 13],
        ["ReduceMean"] = [1, 11, 13, 18],
        ["ReduceMax"] = [1, 11, 12, 13, 18, 20],
        ["ReduceMin"] = [1, 11, 12, 13, 18, 20],
        ["ReduceProd"] = [1, 11, 13, 18],
        ["ReduceL1"] = [1, 11, 13, 18],
        ["ReduceL2"] = [1, 11, 13, 18],
        ["ReduceLogSum"] = [1, 11, 13, 18],
        ["ReduceLogSumExp"] = [1, 11, 13, 18],
        ["ReduceSumSquare"] = [1, 11, 13, 18],
        ["ArgMax"] = [1, 11, 12, 13],
        ["ArgMin"] = [1, 11, 12, 13],
        ["Softmax"] = [1, 11, 13],
        ["LogSoftmax"] = [1, 11, 13],
        ["Hardmax"] = [1, 11, 13],
        ["MatMul"] = [1, 9, 13],
        ["MatMulInteger"] = [10],
        ["Gemm"] = [1, 6, 7, 9, 11, 13],
        ["Einsum"] = [12],
        ["CumSum"] = [11, 14],
        ["TopK"] = [1, 10, 11],
        ["Det"] = [11, 22],
        ["Trilu"] = [14],
        ["QuantizeLinear"] = [10, 13, 19, 21, 23],
        ["DequantizeLinear"] = [10, 13, 19, 21, 23],
        ["DynamicQuantizeLinear"] = [11],
        ["QLinearMatMul"] = [10, 21],
        ["QLinearConv"] = [10],
        ["ConvInteger"] = [10],
        ["RandomNormal"] = [1, 22],
        ["RandomUniform"] = [1, 22],
        ["RandomNormalLike"] = [1, 22],
        ["RandomUniformLike"] = [1, 22],
        ["Bernoulli"] = [15, 22],
        ["Multinomial"] = [7, 22],
    };

    public static IEnumerable<string> Operators => s_versions.Keys;

    [TestCaseSource(nameof(Operators))]
    public void Registry_Operator_HasEverySinceVersion(string op)
    {
        var registered = OperatorRegistry.Default.Schemas.Where(s => s.Id.Domain == "" && s.Id.Name == op)
            .Select(s => s.Id.SinceVersion).Order();
        Assert.That(registered, Is.EqualTo(s_versions[op]));
    }

    [TestCaseSource(nameof(Operators))]
    public void Registry_Operator_EveryVersionInfersAndConstrainsItsTypeVariables(string op)
    {
        foreach (var schema in OperatorRegistry.Default.Schemas.Where(s => s.Id.Domain == "" && s.Id.Name == op))
        {
            Assert.That(schema.Inference, Is.Not.Null, schema.ToString());
            foreach (var formal in schema.Inputs.Concat(schema.Outputs))
            {
                bool concrete = formal.TypeString.Contains('(', StringComparison.Ordinal);
                Assert.That(concrete || schema.TypeConstraints.ContainsKey(formal.TypeString), Is.True,
                    $"{schema}: {formal.Name} has unconstrained type {formal.TypeString}");
            }
        }
    }
}
