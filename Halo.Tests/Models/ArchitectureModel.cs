namespace Halo.Tests.Models;

/// <summary>An architecture-shaped ONNX model and the concrete inputs of a test run.</summary>
internal sealed record ArchitectureModel(string Name, byte[] Model, IReadOnlyList<ArchitectureInput> Inputs)
{
    public override string ToString() => Name;
}
