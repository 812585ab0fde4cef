namespace Halo.Backends.Interpreter.Kernels.Nn;

/// <summary>The operands of one Conv execution (pinned buffers) and its geometry.</summary>
internal readonly unsafe struct ConvJob(SpatialGeometry geometry, float* x, float* w, float* bias, float* y,
    int batch, int channels, int filters, int groups)
{
    public SpatialGeometry Geometry { get; } = geometry;
    public float* X { get; } = x;
    public float* W { get; } = w;
    public float* Bias { get; } = bias;
    public float* Y { get; } = y;
    public int Batch { get; } = batch;
    public int Channels { get; } = channels;
    public int Filters { get; } = filters;
    public int Groups { get; } = groups;
}
