using System.Collections.Immutable;

namespace Halo.Backends.Odla.Lowering;

/// <summary>Collects lowerings keyed by (domain, operator, version range) for <see cref="LoweringTable"/>.</summary>
internal sealed class LoweringTableBuilder
{
    private readonly Dictionary<(string Domain, string Name), ImmutableArray<LoweringEntry>.Builder> _entries = [];

    /// <summary>Registers <paramref name="lowering"/> for operator versions introduced in [<paramref name="minVersion"/>,
    /// <paramref name="maxVersion"/>] of the ONNX default domain (or <paramref name="domain"/>).</summary>
    public LoweringTableBuilder Add(string name, OdlaLowering lowering, int minVersion = 1, int maxVersion = int.MaxValue, string domain = "")
    {
        if (!_entries.TryGetValue((domain, name), out var list))
        {
            _entries[(domain, name)] = list = ImmutableArray.CreateBuilder<LoweringEntry>();
        }
        list.Add(new LoweringEntry(domain, name, minVersion, maxVersion, lowering));
        return this;
    }

    /// <summary>Registers the same lowering for several operators.</summary>
    public LoweringTableBuilder AddAll(IEnumerable<string> names, Func<string, OdlaLowering> lowering)
    {
        foreach (string name in names)
        {
            Add(name, lowering(name));
        }
        return this;
    }

    public LoweringTable Build() => new(_entries.ToDictionary(kv => kv.Key, kv => kv.Value.ToImmutable()));
}
