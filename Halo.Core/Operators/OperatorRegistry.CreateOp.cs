using System.Collections.Immutable;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;

namespace Halo.Core.Operators;

public sealed partial class OperatorRegistry
{
    /// <summary>
    /// Creates an operation of <paramref name="schema"/>, inferring its <paramref name="outputCount"/> output
    /// types: element types from the type constraints, shapes from the schema's inference. Never throws on
    /// bad operands; problems come back in <paramref name="errors"/> and leave unknown types.
    /// </summary>
    public static GreenOp CreateOp(OperatorSchema schema, ImmutableArray<ValueRef> inputs, AttributeMap attributes,
        int outputCount, out ImmutableArray<string> errors)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(attributes);
        inputs = inputs.IsDefault ? ImmutableArray<ValueRef>.Empty : inputs;
        var outputs = new IrType[outputCount];
        for (int i = 0; i < outputCount; i++)
        {
            outputs[i] = DefaultOutputType(schema, inputs, i);
        }
        var context = new InferenceContext(schema, inputs, attributes, outputs);
        if (schema.Inference is { } infer)
        {
            try
            {
                infer(context);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException
                or OverflowException or ArithmeticException)
            {
                // Malformed operands or attributes reach inference from hostile models; report, don't crash.
                context.Fail("inference could not handle the operands: " + e.Message);
            }
        }
        errors = [.. context.Errors];
        return GreenOp.Create(schema.Id, inputs, attributes, [.. outputs]);
    }

    /// <summary>The element type bound to the output's type variable by the first operand with the same variable.</summary>
    private static IrType DefaultOutputType(OperatorSchema schema, ImmutableArray<ValueRef> inputs, int outputIndex)
    {
        var formal = OperatorSchema.FormalAt(schema.Outputs, outputIndex);
        // A heterogeneous variadic output (If, Loop, Scan results) has no single binding to copy.
        if (formal is null || (formal.Option == ParameterOption.Variadic && !formal.IsHomogeneous))
        {
            return IrType.Unknown;
        }
        if (!schema.TypeConstraints.ContainsKey(formal.TypeString))
        {
            return TypeStrings.Parse(formal.TypeString) ?? IrType.Unknown;
        }
        for (int i = 0; i < inputs.Length; i++)
        {
            if (!inputs[i].IsNone && OperatorSchema.FormalAt(schema.Inputs, i)?.TypeString == formal.TypeString)
            {
                return WithoutShape(inputs[i].Type);
            }
        }
        return IrType.Unknown;
    }

    private static IrType WithoutShape(IrType type) => type switch
    {
        TensorType t => new TensorType(t.ElementType, Shape.Unranked),
        SequenceType s => new SequenceType(WithoutShape(s.ElementType)),
        OptionalType o => new OptionalType(WithoutShape(o.ElementType)),
        _ => type,
    };
}
