using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Green;
using Halo.Core.Operators;

namespace Halo.Core.Semantics;

/// <summary>
/// Runs a graph with the operators' reference semantics: simple, exact to the specification, not fast.
/// The oracle for backends and the engine of constant folding. Thread-safe (no state between calls).
/// </summary>
public sealed class ReferenceEvaluator(OperatorRegistry registry)
{
    /// <summary>An evaluator over <see cref="OperatorRegistry.Default"/>.</summary>
    public static ReferenceEvaluator Default { get; } = new(OperatorRegistry.Default);

    /// <summary>Evaluates <paramref name="graph"/>. <paramref name="outer"/> holds values visible to captures.</summary>
    /// <exception cref="EvaluationException">An operation has no reference semantics or cannot compute its result;
    /// the message names the node.</exception>
    public ImmutableArray<RuntimeValue> Evaluate(Graph graph, IReadOnlyList<RuntimeValue> inputs,
        IReadOnlyDictionary<string, RuntimeValue>? outer = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count != graph.Inputs.Length)
        {
            throw new ArgumentException($"The graph takes {graph.Inputs.Length} inputs, got {inputs.Count}.", nameof(inputs));
        }
        outer ??= ImmutableDictionary<string, RuntimeValue>.Empty;
        var values = new Dictionary<ValueRef, RuntimeValue>();
        for (int i = 0; i < inputs.Count; i++)
        {
            values[graph.Inputs[i].Output(0)] = inputs[i];
        }
        foreach (var node in graph.TopologicalOrder)
        {
            switch (node)
            {
                case GreenConstant { Data: { } data }:
                    values[node.Output(0)] = new TensorValue(data);
                    break;
                case GreenCapture capture:
                    values[node.Output(0)] = outer.TryGetValue(capture.OuterName, out var v) ? v
                        : throw new EvaluationException($"outer value '{capture.OuterName}' is not defined");
                    break;
                case GreenOp op:
                    EvaluateOp(graph, op, values, outer);
                    break;
                default:
                    if (node is not GreenInput)
                    {
                        throw new EvaluationException($"{node.Kind} nodes have no reference semantics");
                    }
                    break;
            }
        }
        return [.. graph.Outputs.Select(o => values[o])];
    }

    /// <summary>
    /// Evaluates one operation outside a graph (for backends that fall back on reference semantics). Subgraphs of
    /// the operation (If/Loop/Scan bodies) see <paramref name="outer"/> as their enclosing scope: the values of the
    /// operation's implicit inputs, by name.
    /// </summary>
    /// <exception cref="EvaluationException">The schema has no reference semantics or the operands are bad.</exception>
    public ImmutableArray<RuntimeValue> EvaluateOperation(OperatorSchema schema, IR.Attributes.AttributeMap attributes,
        ImmutableArray<IR.Types.IrType> outputTypes, ImmutableArray<RuntimeValue?> inputs, IReadOnlyDictionary<string, RuntimeValue> outer)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(attributes);
        var reference = schema.Reference ?? throw new EvaluationException($"{schema.Id} has no reference semantics");
        var context = new EvaluationContext(schema, attributes, inputs, RefineOutputTypes(schema, outputTypes, inputs),
            (body, args) => Evaluate(body, args, outer));
        try
        {
            reference(context);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException
            or OverflowException or InvalidCastException)
        {
            throw new EvaluationException($"{schema.Id}: {e.Message}", e);
        }
        return [.. context.Outputs.Select((v, i) => v ?? throw new EvaluationException($"{schema.Id}: result {i} was not computed"))];
    }

    private void EvaluateOp(Graph graph, GreenOp op, Dictionary<ValueRef, RuntimeValue> values,
        IReadOnlyDictionary<string, RuntimeValue> outer)
    {
        string where = $"node '{graph.NodeNameOf(op) ?? graph.NameOf(op.Output(0)) ?? "?"}' ({op.Operator})";
        if (!registry.TryGetSchema(op.Operator, out var schema) || schema.Reference is null)
        {
            throw new EvaluationException($"{where}: {op.Operator} has no reference semantics");
        }
        var inputs = op.Inputs.Select(i => i.IsNone ? null : values[i]).ToImmutableArray();
        Dictionary<string, RuntimeValue>? scope = null;
        var context = new EvaluationContext(schema, op.Attributes, inputs, RefineOutputTypes(schema, op.OutputTypes, inputs),
            (body, args) => Evaluate(body, args, scope ??= Scope(graph, values, outer)));
        try
        {
            schema.Reference(context);
        }
        catch (EvaluationException e)
        {
            throw new EvaluationException($"{where}: {e.Message}", e);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException
            or OverflowException or InvalidCastException)
        {
            throw new EvaluationException($"{where}: {e.Message}", e);
        }
        for (int i = 0; i < op.OutputTypes.Length; i++)
        {
            values[op.Output(i)] = context.Outputs[i] ?? throw new EvaluationException($"{where}: result {i} was not computed");
        }
    }

    /// <summary>Fills unknown result element types (common inside Loop and Scan bodies, whose operand types are
    /// only known at run time) from the actual operand bound to the same type variable.</summary>
    private static ImmutableArray<IR.Types.IrType> RefineOutputTypes(OperatorSchema schema, ImmutableArray<IR.Types.IrType> types,
        ImmutableArray<RuntimeValue?> inputs)
    {
        var result = types;
        for (int i = 0; i < types.Length; i++)
        {
            if (types[i] is not IR.Types.TensorType { ElementType: IR.Types.ElementType.Undefined } unknown
                || OperatorSchema.FormalAt(schema.Outputs, i) is not { } formal || !schema.TypeConstraints.ContainsKey(formal.TypeString))
            {
                continue;
            }
            for (int j = 0; j < inputs.Length; j++)
            {
                if (inputs[j] is TensorValue bound && OperatorSchema.FormalAt(schema.Inputs, j)?.TypeString == formal.TypeString)
                {
                    result = result.SetItem(i, new IR.Types.TensorType(bound.Data.ElementType, unknown.Shape));
                    break;
                }
            }
        }
        return result;
    }

    /// <summary>The names visible to a subgraph: the enclosing scopes, then this graph's named values.</summary>
    private static Dictionary<string, RuntimeValue> Scope(Graph graph, Dictionary<ValueRef, RuntimeValue> values,
        IReadOnlyDictionary<string, RuntimeValue> outer)
    {
        var scope = new Dictionary<string, RuntimeValue>(outer, StringComparer.Ordinal);
        foreach (var (value, name) in graph.ValueNames)
        {
            if (values.TryGetValue(value, out var v))
            {
                scope[name] = v;
            }
        }
        return scope;
    }
}
