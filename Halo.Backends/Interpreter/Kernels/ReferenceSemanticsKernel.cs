using System.Collections.Immutable;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Core.Operators;
using Halo.Core.Semantics;

namespace Halo.Backends.Interpreter.Kernels;

/// <summary>
/// Runs an operator that has no fast kernel through its reference semantics (Halo.Core): operands are copied
/// into immutable tensors, evaluated, and the results copied into pooled outputs. Slow but exact; it lets the
/// interpreter run every operator the reference evaluator knows, while the heavy ones have SIMD kernels.
/// </summary>
internal sealed class ReferenceSemanticsKernel(OperatorSchema schema, GreenOp op) : Kernel
{
    /// <summary>Whether <paramref name="op"/> can run this way: it has reference semantics and no subgraph.</summary>
    public static bool CanRun(GreenOp op, out OperatorSchema? schema) =>
        OperatorRegistry.Default.TryGetSchema(op.Operator, out schema) && schema.Reference is not null
        && !op.Attributes.Values.Any(v => !v.Subgraphs.IsEmpty);

    public override void Execute(KernelContext context)
    {
        var inputs = ImmutableArray.CreateBuilder<RuntimeValue?>(context.InputCount);
        for (int i = 0; i < context.InputCount; i++)
        {
            inputs.Add(context.OptionalInput(i) is { } t ? new TensorValue(t.ToTensorData()) : null);
        }
        ImmutableArray<RuntimeValue> results;
        try
        {
            results = ReferenceEvaluator.EvaluateOperation(schema, op.Attributes, op.OutputTypes, inputs.MoveToImmutable());
        }
        catch (EvaluationException e)
        {
            throw new InvalidOperationException(e.Message, e);
        }
        for (int i = 0; i < results.Length && i < context.OutputCount; i++)
        {
            if (results[i] is not TensorValue { Data: var data })
            {
                throw new InvalidOperationException($"{schema.Id}: result {i} is a {results[i].Type}; the interpreter holds tensors only");
            }
            Store(context, i, data);
        }
    }

    private static void Store(KernelContext context, int index, Halo.Core.IR.TensorData data)
    {
        int[] shape = [.. data.Dimensions.Select(d => checked((int)d))];
        var output = context.AllocateOutput(index, data.ElementType, shape);
        if (data.ElementType == ElementType.String)
        {
            data.Strings.CopyTo(output.StringArray!);
        }
        else
        {
            data.Bytes.Span.CopyTo(output.Buffer);
        }
    }
}
