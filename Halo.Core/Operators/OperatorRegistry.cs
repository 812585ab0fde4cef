using System.Collections.Frozen;
using System.Collections.Immutable;
using Halo.Core.Operators.Onnx;

namespace Halo.Core.Operators;

/// <summary>
/// An immutable set of operator schemas, looked up by domain, name and the model's opset version.
/// <see cref="Default"/> holds the ONNX default domain, <c>ai.onnx.ml</c>, <c>ai.onnx.preview.training</c> and <c>ai.halo</c>.
/// Thread-safe.
/// </summary>
public sealed partial class OperatorRegistry
{
    private static readonly Lazy<OperatorRegistry> s_default = new(CreateDefault);

    private readonly FrozenDictionary<(string Domain, string Name), ImmutableArray<OperatorSchema>> _byName;
    private readonly FrozenDictionary<OperatorId, OperatorSchema> _byId;

    internal OperatorRegistry(ImmutableArray<OperatorSchema> schemas)
    {
        Schemas = schemas;
        _byId = schemas.ToFrozenDictionary(s => s.Id);
        _byName = schemas.GroupBy(s => (s.Id.Domain, s.Id.Name))
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(s => s.Id.SinceVersion).ToImmutableArray());
    }

    /// <summary>The built-in registry (ONNX default domain, ai.onnx.ml, ai.onnx.preview.training).</summary>
    public static OperatorRegistry Default => s_default.Value;

    /// <summary>Every schema.</summary>
    public ImmutableArray<OperatorSchema> Schemas { get; }

    /// <summary>Finds the version of <paramref name="name"/> in force at <paramref name="opsetVersion"/>:
    /// the schema with the greatest since-version not above it.</summary>
    public bool TryResolve(string? domain, string name, long opsetVersion, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out OperatorSchema? schema)
    {
        schema = null;
        if (!_byName.TryGetValue((OperatorId.NormalizeDomain(domain), name), out var versions))
        {
            return false;
        }
        foreach (var s in versions)
        {
            if (s.Id.SinceVersion <= opsetVersion)
            {
                schema = s;
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether any version of the operator is known.</summary>
    public bool Contains(string? domain, string name) => _byName.ContainsKey((OperatorId.NormalizeDomain(domain), name));

    /// <summary>The schema of exactly <paramref name="id"/>.</summary>
    public bool TryGetSchema(OperatorId id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out OperatorSchema? schema) =>
        _byId.TryGetValue(id, out schema);

    /// <summary>A builder holding this registry's schemas, to extend it with more.</summary>
    public OperatorSetBuilder ToBuilder() => new OperatorSetBuilder().AddRange(Schemas);

    private static OperatorRegistry CreateDefault()
    {
        var builder = new OperatorSetBuilder();
        OnnxOperatorSet.Register(builder);
        Halo.HaloOperatorSet.Register(builder);
        return builder.Build();
    }
}
