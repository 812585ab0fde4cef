using System.Collections.Immutable;

namespace Halo.Core.Diagnostics;

/// <summary>Collects diagnostics during one piece of work. Not thread-safe: one bag per worker.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    /// <summary>Whether any error was reported.</summary>
    public bool HasErrors { get; private set; }

    /// <summary>The number of diagnostics.</summary>
    public int Count => _items.Count;

    /// <summary>Adds a diagnostic.</summary>
    public void Add(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        _items.Add(diagnostic);
        HasErrors |= diagnostic.IsError;
    }

    /// <summary>Adds several diagnostics.</summary>
    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        foreach (var d in diagnostics)
        {
            Add(d);
        }
    }

    /// <summary>Creates and adds a diagnostic.</summary>
    public void Report(DiagnosticDescriptor descriptor, ModelLocation? location, params object?[] arguments) =>
        Add(Diagnostic.Create(descriptor, location, arguments));

    /// <summary>A snapshot of the diagnostics so far.</summary>
    public ImmutableArray<Diagnostic> ToImmutable() => [.. _items];
}
