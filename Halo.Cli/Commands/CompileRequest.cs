using Halo.Backends.Odla;

namespace Halo.Cli.Commands;

/// <summary>
/// Everything <c>halo compile</c> was asked to do. The graph options (<c>--batch-size</c>, <c>--input-shape</c>,
/// <c>--inputs</c>/<c>--outputs</c>, <c>--reorder-data-layout</c>, <c>--remove-input/output-transpose</c>,
/// <c>--fuse-conv-bias</c>, <c>--fuse-matmul-bias</c>, <c>--print-mem-stats</c>) are passes (<see cref="Passes"/>),
/// which run before code generation.
/// </summary>
/// <param name="ModelPath">The model file.</param>
/// <param name="OutputPath">The source file to write (<c>OUT.cc</c> or <c>OUT.c</c>); header and weights go beside it.</param>
/// <param name="Format">The model format (<c>-x</c>), or null to pick it from the file.</param>
/// <param name="CodeGen">The code generator's options.</param>
internal sealed record CompileRequest(string ModelPath, string OutputPath, string? Format, OdlaCodeGenOptions CodeGen)
{
    /// <summary>The graph options, run as passes after the standard ones and before code generation.</summary>
    public Halo.Passes.Options.CompilePassOptions Passes { get; init; } = new();
}
