using Halo.Frontends.Onnx.Protos;

namespace Halo.Frontends.Onnx;

/// <summary>A node to import, after function inlining: the node, the index of the graph node it came from,
/// its name for locations (<c>caller/inner</c> when inlined) and the opsets its operator resolves in.</summary>
internal sealed record OnnxNodeSite(NodeProto Node, int Index, string? DisplayName, IReadOnlyDictionary<string, long> Opsets);
