using System.Collections.Frozen;
using Halo.Core.Operators;

namespace Halo.Backends.Interpreter.Kernels;

/// <summary>
/// Kernel factories keyed by operator domain and name, each valid for a range of operator versions
/// (the since-version of the node's operator). Built once, then read-only and thread-safe.
/// </summary>
internal sealed class KernelTable
{
    private readonly FrozenDictionary<(string Domain, string Name), Entry[]> _entries;

    private KernelTable(FrozenDictionary<(string Domain, string Name), Entry[]> entries) => _entries = entries;

    /// <summary>The interpreter's built-in kernels.</summary>
    public static KernelTable Default { get; } = DefaultKernels.Build();

    /// <summary>The factory for <paramref name="op"/>'s version, or null.</summary>
    public KernelFactory? Find(OperatorId op)
    {
        if (!_entries.TryGetValue((op.Domain, op.Name), out var entries))
        {
            return null;
        }
        foreach (var e in entries)
        {
            if (op.SinceVersion >= e.MinVersion && op.SinceVersion <= e.MaxVersion)
            {
                return e.Factory;
            }
        }
        return null;
    }

    /// <summary>Whether a kernel exists for <paramref name="op"/>'s version.</summary>
    public bool Supports(OperatorId op) => Find(op) is not null;

    private readonly record struct Entry(int MinVersion, int MaxVersion, KernelFactory Factory);

    /// <summary>Collects registrations; <see cref="Build"/> freezes them.</summary>
    internal sealed class Builder
    {
        private readonly Dictionary<(string, string), List<Entry>> _entries = [];

        /// <summary>Registers <paramref name="factory"/> for operator versions introduced in
        /// [<paramref name="minVersion"/>, <paramref name="maxVersion"/>].</summary>
        public Builder Add(string name, int minVersion, int maxVersion, KernelFactory factory, string domain = OperatorId.DefaultDomain)
        {
            var key = (OperatorId.NormalizeDomain(domain), name);
            if (!_entries.TryGetValue(key, out var list))
            {
                _entries[key] = list = [];
            }
            list.Add(new Entry(minVersion, maxVersion, factory));
            return this;
        }

        /// <summary>Registers <paramref name="factory"/> for every version of the operator.</summary>
        public Builder Add(string name, KernelFactory factory) => Add(name, 1, int.MaxValue, factory);

        /// <summary>The frozen table.</summary>
        public KernelTable Build() => new(_entries.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray()));
    }
}
