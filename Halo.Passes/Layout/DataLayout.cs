namespace Halo.Passes.Layout;

/// <summary>The order of the channel axis in image-like tensors.</summary>
public enum DataLayout
{
    /// <summary>Channels before the spatial axes (NCHW), as ONNX operators use; <c>channel-first</c>.</summary>
    ChannelFirst = 0,

    /// <summary>Channels after the spatial axes (NHWC), as TensorFlow and many accelerators use; <c>channel-last</c>.</summary>
    ChannelLast = 1,
}
