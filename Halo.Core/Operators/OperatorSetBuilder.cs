using System.Collections.Immutable;

namespace Halo.Core.Operators;

/// <summary>Collects operator schema definitions and builds an <see cref="OperatorRegistry"/>.</summary>
public sealed class OperatorSetBuilder
{
    private readonly List<OperatorSchemaBuilder> _definitions = [];
    private readonly List<OperatorSchema> _schemas = [];

    /// <summary>Starts the definition of operator <paramref name="name"/> in <paramref name="domain"/> for
    /// each since-version in <paramref name="versions"/> (identical schemas).</summary>
    public OperatorSchemaBuilder Define(string domain, string name, params int[] versions)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (versions is null || versions.Length == 0)
        {
            throw new ArgumentException("At least one since-version is required.", nameof(versions));
        }
        var builder = new OperatorSchemaBuilder(OperatorId.NormalizeDomain(domain), name, [.. versions]);
        _definitions.Add(builder);
        return builder;
    }

    /// <summary>Starts the definition of a default-domain (ONNX) operator.</summary>
    public OperatorSchemaBuilder Define(string name, params int[] versions) => Define(OperatorId.DefaultDomain, name, versions);

    /// <summary>Adds already-built schemas (for example, those of another registry).</summary>
    public OperatorSetBuilder AddRange(IEnumerable<OperatorSchema> schemas)
    {
        ArgumentNullException.ThrowIfNull(schemas);
        _schemas.AddRange(schemas);
        return this;
    }

    /// <summary>Builds the registry; a later definition of the same operator version replaces an earlier one.</summary>
    public OperatorRegistry Build()
    {
        var all = new Dictionary<OperatorId, OperatorSchema>();
        foreach (var s in _schemas.Concat(_definitions.SelectMany(d => d.Build())))
        {
            all[s.Id] = s;
        }
        return new OperatorRegistry([.. all.Values]);
    }

    internal ImmutableArray<OperatorSchemaBuilder> Definitions => [.. _definitions];
}
