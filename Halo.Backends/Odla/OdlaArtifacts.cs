using System.Collections.Immutable;

namespace Halo.Backends.Odla;

/// <summary>The files the ODLA code generator produces, in memory.</summary>
public sealed class OdlaArtifacts
{
    internal OdlaArtifacts(string sourceFileName, string sourceText, string headerFileName, string headerText,
        string weightsFileName, ImmutableArray<byte> weightsObject, string? weightsSource, OdlaEntrySignature entry)
    {
        SourceFileName = sourceFileName;
        SourceText = sourceText;
        HeaderFileName = headerFileName;
        HeaderText = headerText;
        WeightsFileName = weightsFileName;
        WeightsObject = weightsObject;
        WeightsSource = weightsSource;
        Entry = entry;
    }

    /// <summary>The source file's name (<c>BASE.cc</c> or <c>BASE.c</c>).</summary>
    public string SourceFileName { get; }

    /// <summary>The generated C++ or C source.</summary>
    public string SourceText { get; }

    /// <summary>The header file's name (<c>BASE.h</c>).</summary>
    public string HeaderFileName { get; }

    /// <summary>The header declaring the entry functions.</summary>
    public string HeaderText { get; }

    /// <summary>The weights file's name: <c>BASE.bin</c> (ELF object) or <c>BASE.data.c</c>.</summary>
    public string WeightsFileName { get; }

    /// <summary>The ELF64 relocatable object holding the constants; empty when <see cref="WeightsSource"/> is set.</summary>
    public ImmutableArray<byte> WeightsObject { get; }

    /// <summary>The C source holding the constants (with <c>--emit-data-as-c</c>); null otherwise.</summary>
    public string? WeightsSource { get; }

    /// <summary>The entry point's signature.</summary>
    public OdlaEntrySignature Entry { get; }

    /// <summary>The weights file's bytes, whichever form it has (UTF-8 for the C source).</summary>
    public ImmutableArray<byte> GetWeightsBytes() => WeightsSource is null
        ? WeightsObject : [.. System.Text.Encoding.UTF8.GetBytes(WeightsSource)];
}
