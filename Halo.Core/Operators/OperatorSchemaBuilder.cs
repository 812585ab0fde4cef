using System.Collections.Immutable;
using Halo.Core.IR.Attributes;

namespace Halo.Core.Operators;

/// <summary>
/// Fluent definition of an operator schema, registered for one or several since-versions at once
/// (<see cref="OperatorSetBuilder.Define(string, string, int[])"/>).
/// </summary>
public sealed class OperatorSchemaBuilder
{
    private readonly List<FormalParameter> _inputs = [];
    private readonly List<FormalParameter> _outputs = [];
    private readonly List<AttributeSchema> _attributes = [];
    private readonly List<TypeConstraint> _constraints = [];
    private ShapeInferenceFunction? _inference;
    private Semantics.ReferenceKernel? _reference;
    private bool _allowsUnknownAttributes;

    internal OperatorSchemaBuilder(string domain, string name, ImmutableArray<int> versions)
    {
        Domain = domain;
        Name = name;
        Versions = versions;
    }

    internal string Domain { get; }

    internal string Name { get; }

    internal ImmutableArray<int> Versions { get; }

    /// <summary>Adds a formal input.</summary>
    public OperatorSchemaBuilder Input(string name, string type, ParameterOption option = ParameterOption.Single,
        int minArity = 1, bool homogeneous = true)
    {
        _inputs.Add(new(name, type, option, minArity, homogeneous));
        return this;
    }

    /// <summary>Adds an optional formal input.</summary>
    public OperatorSchemaBuilder OptionalInput(string name, string type) => Input(name, type, ParameterOption.Optional);

    /// <summary>Adds a variadic formal input (must be last).</summary>
    public OperatorSchemaBuilder VariadicInput(string name, string type, int minArity = 1, bool homogeneous = true) =>
        Input(name, type, ParameterOption.Variadic, minArity, homogeneous);

    /// <summary>Adds a formal output.</summary>
    public OperatorSchemaBuilder Output(string name, string type, ParameterOption option = ParameterOption.Single,
        int minArity = 1, bool homogeneous = true)
    {
        _outputs.Add(new(name, type, option, minArity, homogeneous));
        return this;
    }

    /// <summary>Adds an optional formal output.</summary>
    public OperatorSchemaBuilder OptionalOutput(string name, string type) => Output(name, type, ParameterOption.Optional);

    /// <summary>Adds a variadic formal output (must be last).</summary>
    public OperatorSchemaBuilder VariadicOutput(string name, string type, int minArity = 1, bool homogeneous = true) =>
        Output(name, type, ParameterOption.Variadic, minArity, homogeneous);

    /// <summary>Adds a required attribute.</summary>
    public OperatorSchemaBuilder RequiredAttr(string name, AttributeKind kind)
    {
        _attributes.Add(new(name, kind, Required: true));
        return this;
    }

    /// <summary>Adds an optional attribute; <paramref name="defaultValue"/> is a long, float, string,
    /// long[], float[] or string[] (or an <see cref="AttributeValue"/>), or null for no default.</summary>
    public OperatorSchemaBuilder Attr(string name, AttributeKind kind, object? defaultValue = null)
    {
        _attributes.Add(new(name, kind, Required: false, ToValue(kind, defaultValue)));
        return this;
    }

    /// <summary>Adds a type constraint.</summary>
    public OperatorSchemaBuilder Constraint(string name, IEnumerable<string> allowedTypes)
    {
        _constraints.Add(new(name, allowedTypes));
        return this;
    }

    /// <summary>Adds a type constraint.</summary>
    public OperatorSchemaBuilder Constraint(string name, params string[] allowedTypes) =>
        Constraint(name, (IEnumerable<string>)allowedTypes);

    /// <summary>Sets the shape inference.</summary>
    public OperatorSchemaBuilder Infer(ShapeInferenceFunction inference)
    {
        _inference = inference;
        return this;
    }

    /// <summary>Sets the reference semantics.</summary>
    public OperatorSchemaBuilder Evaluate(Semantics.ReferenceKernel reference)
    {
        _reference = reference;
        return this;
    }

    /// <summary>Accepts attributes the schema does not list.</summary>
    public OperatorSchemaBuilder AllowUnknownAttributes()
    {
        _allowsUnknownAttributes = true;
        return this;
    }

    internal IEnumerable<OperatorSchema> Build() => Versions.Select(v => new OperatorSchema(
        new OperatorId(Domain, Name, v), [.. _inputs], [.. _outputs], [.. _attributes], [.. _constraints],
        _inference, _allowsUnknownAttributes, _reference));

    private static AttributeValue? ToValue(AttributeKind kind, object? value) => value switch
    {
        null => null,
        AttributeValue v => v,
        long l when kind == AttributeKind.Int => AttributeValue.FromInt(l),
        int i when kind == AttributeKind.Int => AttributeValue.FromInt(i),
        float f when kind == AttributeKind.Float => AttributeValue.FromFloat(f),
        double d when kind == AttributeKind.Float => AttributeValue.FromFloat((float)d),
        string s when kind == AttributeKind.String => AttributeValue.FromString(s),
        long[] ls when kind == AttributeKind.Ints => AttributeValue.FromInts([.. ls]),
        float[] fs when kind == AttributeKind.Floats => AttributeValue.FromFloats([.. fs]),
        string[] ss when kind == AttributeKind.Strings => AttributeValue.FromStrings([.. ss]),
        _ => throw new ArgumentException($"Default value {value} does not fit attribute kind {kind}.", nameof(value)),
    };
}
