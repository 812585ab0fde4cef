namespace Halo.Tests.Models;

/// <summary>An architecture-shaped ONNX model and the concrete shapes of its inputs for a test run.</summary>
internal sealed record ArchitectureModel(string Name, byte[] Model, IReadOnlyList<(string Name, long[] Dims)> Inputs)
{
    public override string ToString() => Name;
}
