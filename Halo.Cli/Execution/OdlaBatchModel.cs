using Halo.Core.IR;

namespace Halo.Cli.Execution;

/// <summary>One model of a batch: a name (made into the C entry name) and its graph.</summary>
/// <param name="Name">A name unique in the batch, e.g. the case folder's name.</param>
/// <param name="Graph">The imported (and optimized) graph.</param>
internal sealed record OdlaBatchModel(string Name, Graph Graph);
