namespace Halo.Backends.Odla;

/// <summary>Settings of the ODLA code generator; immutable, changed with <c>with</c>.</summary>
public sealed record OdlaCodeGenOptions
{
    /// <summary>The defaults: C++, compile mode, string value ids, weights as an ELF object.</summary>
    public static OdlaCodeGenOptions Default { get; } = new();

    /// <summary>The language of the generated source.</summary>
    public OdlaTarget Target { get; init; } = OdlaTarget.Cxx;

    /// <summary>The entry function's name (a C identifier); null to derive it from the graph's name.</summary>
    public string? EntryFunctionName { get; init; }

    /// <summary>The base of the artifact file names (<c>BASE.cc</c>, <c>BASE.h</c>, <c>BASE.bin</c>); null for the entry name.</summary>
    public string? OutputBaseName { get; init; }

    /// <summary>Build once and execute per call, or build, execute and destroy on every call.</summary>
    public OdlaExecMode ExecMode { get; init; } = OdlaExecMode.Compile;

    /// <summary>In <see cref="OdlaExecMode.Interpret"/> mode, release each value after its last use (<c>odla_ReleaseValue</c>).</summary>
    public bool EmitValueReset { get; init; }

    /// <summary>Use integer value ids instead of strings.</summary>
    public bool EmitValueIdAsInt { get; init; }

    /// <summary>Write the weights as a C source file instead of an ELF object.</summary>
    public bool EmitDataAsC { get; init; }
}
