using System.Collections.Immutable;
using Halo.Backends.Odla;
using Halo.Core.Diagnostics;

namespace Halo.Cli.Execution;

/// <summary>The state of one model in a batch build: its generated files, then its object, or what stopped it.</summary>
internal sealed class OdlaBatchEntry(string entryName)
{
    public string EntryName { get; } = entryName;

    public OdlaEntrySignature? Signature { get; set; }

    /// <summary>The cache folder of the generated files (keyed by their content).</summary>
    public string? Folder { get; set; }

    public string? SourcePath { get; set; }

    public string? WeightsPath { get; set; }

    public string? ObjectPath { get; set; }

    public DiagnosticBag Diagnostics { get; } = new();

    /// <summary>Whether the model is still on its way into the batch library.</summary>
    public bool Ok => !Diagnostics.HasErrors && Signature is not null;

    public ImmutableArray<Diagnostic> Errors => [.. Diagnostics.ToImmutable().Where(d => d.IsError)];
}
