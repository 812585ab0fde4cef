using Halo.Core.Operators;
using Halo.Core.Operators.Onnx.Math;
using NUnit.Framework;

namespace Halo.Tests.Operators.Onnx.Math.Semantics;

[TestFixture]
public sealed class MathSemanticsRegistryTests
{
    [Test]
    public void Register_EveryMathSchemaVersion_HasReferenceSemantics()
    {
        var builder = new OperatorSetBuilder();
        MathOperatorSet.Register(builder);
        var missing = builder.Build().Schemas.Where(s => s.Reference is null).Select(s => s.Id.ToString()).Order().ToList();
        Assert.That(missing, Is.Empty);
    }
}
