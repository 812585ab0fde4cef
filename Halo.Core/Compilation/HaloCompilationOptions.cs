namespace Halo.Core.Compilation;

/// <summary>Per-compilation settings; immutable, changed with <c>with</c>.</summary>
public sealed record HaloCompilationOptions
{
    /// <summary>The defaults.</summary>
    public static HaloCompilationOptions Default { get; } = new();

    /// <summary>The model format (<c>onnx</c>, <c>tf</c>, ...) or null to pick the importer from the file.</summary>
    public string? Format { get; init; }

    /// <summary>Whether the imported and the transformed graphs are verified.</summary>
    public bool Verify { get; init; } = true;
}
