using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Halo.Core.Operators;

/// <summary>
/// Everything the platform knows about one version of an operator: its formal inputs and outputs,
/// attributes with defaults, type constraints, and type and shape inference. Immutable.
/// </summary>
public sealed class OperatorSchema
{
    internal OperatorSchema(OperatorId id, ImmutableArray<FormalParameter> inputs, ImmutableArray<FormalParameter> outputs,
        ImmutableArray<AttributeSchema> attributes, ImmutableArray<TypeConstraint> typeConstraints,
        ShapeInferenceFunction? inference, bool allowsUnknownAttributes, Semantics.ReferenceKernel? reference)
    {
        Id = id;
        Inputs = inputs;
        Outputs = outputs;
        Attributes = attributes.ToFrozenDictionary(a => a.Name, StringComparer.Ordinal);
        TypeConstraints = typeConstraints.ToFrozenDictionary(c => c.Name, StringComparer.Ordinal);
        Inference = inference;
        Reference = reference;
        AllowsUnknownAttributes = allowsUnknownAttributes;
        (MinInputs, MaxInputs) = Arity(inputs);
        (MinOutputs, MaxOutputs) = Arity(outputs);
    }

    /// <summary>The operator version.</summary>
    public OperatorId Id { get; }

    /// <summary>The formal inputs, in order.</summary>
    public ImmutableArray<FormalParameter> Inputs { get; }

    /// <summary>The formal outputs, in order.</summary>
    public ImmutableArray<FormalParameter> Outputs { get; }

    /// <summary>The attributes by name.</summary>
    public FrozenDictionary<string, AttributeSchema> Attributes { get; }

    /// <summary>The type constraints by name.</summary>
    public FrozenDictionary<string, TypeConstraint> TypeConstraints { get; }

    /// <summary>The shape inference, or null when only element types are inferred.</summary>
    public ShapeInferenceFunction? Inference { get; }

    /// <summary>The reference semantics, or null when the operator has none yet.</summary>
    public Semantics.ReferenceKernel? Reference { get; }

    /// <summary>Whether attributes that the schema does not list are accepted (experimental operators).</summary>
    public bool AllowsUnknownAttributes { get; }

    /// <summary>The least number of operands.</summary>
    public int MinInputs { get; }

    /// <summary>The most operands (<see cref="int.MaxValue"/> when variadic).</summary>
    public int MaxInputs { get; }

    /// <summary>The least number of results.</summary>
    public int MinOutputs { get; }

    /// <summary>The most results (<see cref="int.MaxValue"/> when variadic).</summary>
    public int MaxOutputs { get; }

    /// <summary>The value of attribute <paramref name="name"/> in <paramref name="attributes"/>, else this schema's
    /// default for it, else null.</summary>
    public IR.Attributes.AttributeValue? ResolveAttribute(IR.Attributes.AttributeMap attributes, string name)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        return attributes.TryGetValue(name, out var v) ? v : Attributes.TryGetValue(name, out var s) ? s.Default : null;
    }

    /// <summary>The formal parameter that actual operand (or result) <paramref name="index"/> binds to.</summary>
    public static FormalParameter? FormalAt(ImmutableArray<FormalParameter> formals, int index)
    {
        if (formals.IsEmpty || index < 0)
        {
            return null;
        }
        if (index < formals.Length)
        {
            return formals[index];
        }
        return formals[^1].Option == ParameterOption.Variadic ? formals[^1] : null;
    }

    /// <inheritdoc />
    public override string ToString() => Id.ToString();

    private static (int Min, int Max) Arity(ImmutableArray<FormalParameter> formals)
    {
        int min = 0;
        int max = 0;
        for (int i = 0; i < formals.Length; i++)
        {
            var f = formals[i];
            if (f.Option == ParameterOption.Variadic)
            {
                return (i + f.MinArity, int.MaxValue);
            }
            max++;
            if (f.Option == ParameterOption.Single)
            {
                min = i + 1;
            }
        }
        return (min, max);
    }
}
