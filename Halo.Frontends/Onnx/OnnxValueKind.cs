namespace Halo.Frontends.Onnx;

/// <summary>What an <see cref="OnnxValue"/> holds.</summary>
public enum OnnxValueKind
{
    /// <summary>A dense tensor (<see cref="OnnxValue.Tensor"/>).</summary>
    Tensor,
    /// <summary>A sparse tensor (<see cref="OnnxValue.SparseTensor"/>).</summary>
    SparseTensor,
    /// <summary>A sequence (<see cref="OnnxValue.Elements"/>).</summary>
    Sequence,
    /// <summary>A map (<see cref="OnnxValue.Keys"/> and <see cref="OnnxValue.Elements"/>, one value per key).</summary>
    Map,
    /// <summary>An optional value (<see cref="OnnxValue.OptionalValue"/>, null when empty).</summary>
    Optional,
}
