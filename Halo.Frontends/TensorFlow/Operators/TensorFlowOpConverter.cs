using System.Collections.Immutable;
using Halo.Core.IR.Green;

namespace Halo.Frontends.TensorFlow.Operators;

/// <summary>Converts one NodeDef into ONNX-domain operations: returns the values of the node's outputs (output k
/// of the TensorFlow node is element k), or null after reporting why it cannot.</summary>
internal delegate ImmutableArray<ValueRef>? TensorFlowOpConverter(TensorFlowNodeContext node);
