using System.Collections.Immutable;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Core.Operators;
using Halo.Core.Semantics;

namespace Halo.Backends.Interpreter.Kernels;

/// <summary>
/// Runs an operator that has no fast kernel through its reference semantics (Halo.Core): operands are copied
/// into immutable runtime values, evaluated, and the results copied into pooled tensors (sequences and
/// optionals into values of their own). Slow but exact; it lets the interpreter run every operator the
/// reference evaluator knows, on every value kind it holds, while the heavy ones have SIMD kernels.
/// </summary>
/// <param name="schema">The operator version's schema.</param>
/// <param name="op">The node.</param>
/// <param name="outerNames">For each implicit input (after the operands in the kernel's inputs), the name its
/// subgraphs capture it by.</param>
internal sealed class ReferenceSemanticsKernel(OperatorSchema schema, GreenOp op, string[] outerNames) : Kernel
{
    /// <summary>Whether <paramref name="op"/> can run this way: its version has reference semantics.</summary>
    public static bool CanRun(GreenOp op, out OperatorSchema? schema) =>
        OperatorRegistry.Default.TryGetSchema(op.Operator, out schema) && schema.Reference is not null;

    public override void Execute(KernelContext context)
    {
        int operands = op.Inputs.Length;
        var inputs = ImmutableArray.CreateBuilder<RuntimeValue?>(operands);
        for (int i = 0; i < operands; i++)
        {
            inputs.Add(context.InputValue(i)?.ToRuntimeValue());
        }
        var outer = new Dictionary<string, RuntimeValue>(StringComparer.Ordinal);
        for (int j = 0; j < outerNames.Length; j++)
        {
            if (context.InputValue(operands + j) is { } value)
            {
                outer[outerNames[j]] = value.ToRuntimeValue();
            }
        }
        ImmutableArray<RuntimeValue> results;
        try
        {
            results = ReferenceEvaluator.Default.EvaluateOperation(schema, op.Attributes, op.OutputTypes, inputs.MoveToImmutable(), outer);
        }
        catch (EvaluationException e)
        {
            throw new InvalidOperationException(e.Message, e);
        }
        for (int i = 0; i < results.Length && i < context.OutputCount; i++)
        {
            if (results[i] is TensorValue { Data: var data })
            {
                Store(context, i, data);
            }
            else
            {
                // FromRuntimeValue throws ArgumentException for maps, which the run reports with the node's name.
                context.SetOutputValue(i, InferenceValue.FromRuntimeValue(results[i]));
            }
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
