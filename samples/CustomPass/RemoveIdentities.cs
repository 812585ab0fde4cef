using System.Collections.Immutable;
using Halo.Core.Compilation;
using Halo.Core.IR;
using Halo.Core.IR.Green;

namespace CustomPass;

/// <summary>A user's own pass: replaces every Identity operation by its operand (path copying keeps every
/// other node shared with the input graph).</summary>
public sealed class RemoveIdentities : IGraphPass
{
    public string Name => "remove-identities";

    public PassStage Stage => PassStage.Optimize;

    public HaloModel Run(HaloModel model, PassContext context) => model.WithGraph(new Rewriter().Rewrite(model.Graph));

    private sealed class Rewriter : GraphRewriter
    {
        protected override ImmutableArray<ValueRef> RewriteNode(Node original, GreenNode updated) =>
            updated is GreenOp { Operator.Name: "Identity", Operator.Domain: "" } identity
                && identity.Inputs[0].Producer is not null && identity.Inputs[0].Type.Equals(identity.OutputTypes[0])
                ? [identity.Inputs[0]]
                : default;
    }
}
