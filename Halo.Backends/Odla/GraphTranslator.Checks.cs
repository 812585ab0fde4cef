using System.Text.RegularExpressions;
using Halo.Backends.Odla.Emit;
using Halo.Core.Diagnostics;
using Halo.Core.IR;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;

namespace Halo.Backends.Odla;

internal sealed partial class GraphTranslator
{
    private const int MaxRank = 10; // ODLA_MAX_DIMENSION

    /// <summary>Whether output <paramref name="index"/> of <paramref name="node"/> needs an ODLA value: a graph input,
    /// a used value or a graph output.</summary>
    private bool NeedsValue(Node node, int index) => node.Green is GreenInput
        || node.Users.Any(u => u.OutputIndex == index) || _graph.IsOutput(node.Green.Output(index));

    private bool CheckValue(Node node, int index)
    {
        var value = node.Green.Output(index);
        string name = _graph.NameOf(value) ?? node.Name ?? "(unnamed)";
        var type = node.OutputTypes[index];
        if (node.Green is GreenConstant { Data: null } || type is not TensorType tensor || OdlaTypes.ToOdla(tensor.ElementType) is null
            || (tensor.Shape.IsRanked && tensor.Shape.Rank > MaxRank))
        {
            _diagnostics.Report(OdlaDiagnostics.UnsupportedType, LocationOf(node), name, type.ToString());
            return false;
        }
        if (!tensor.Shape.IsStatic)
        {
            _diagnostics.Report(OdlaDiagnostics.DynamicShape, LocationOf(node), name, tensor.Shape.ToString());
            return false;
        }
        return true;
    }

    private static ModelLocation LocationOf(Node node) => node.Location with
    {
        NodeName = node.Location.NodeName ?? node.Name,
        Operator = node.Location.Operator ?? node.Operator?.Name,
        NodeIndex = node.Location.NodeIndex >= 0 ? node.Location.NodeIndex : node.Index,
    };

    /// <summary>Interpret mode with value reset: <c>odla_ReleaseValue</c> right after the last statement that mentions a
    /// value (its last use, or its own null check), except for graph outputs.</summary>
    private void InsertReleases()
    {
        var keep = new HashSet<string>(_graph.Outputs.Where(_variables.ContainsKey).Select(v => _variables[v].Name), StringComparer.Ordinal);
        var statements = _module.Statements;
        var lastUse = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < statements.Count; i++)
        {
            foreach (Match m in VariablePattern().Matches(StringLiteralPattern().Replace(statements[i], "")))
            {
                lastUse[m.Value] = i;
            }
        }
        var releasesAfter = lastUse.Where(kv => !keep.Contains(kv.Key)).ToLookup(kv => kv.Value, kv => kv.Key);
        var result = new List<string>(statements.Count + lastUse.Count);
        for (int i = 0; i < statements.Count; i++)
        {
            result.Add(statements[i]);
            result.AddRange(releasesAfter[i].Select(v => $"(void)odla_ReleaseValue({v});"));
        }
        statements.Clear();
        statements.AddRange(result);
    }

    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""")]
    private static partial Regex StringLiteralPattern();

    [GeneratedRegex(@"\bv[0-9]+\b")]
    private static partial Regex VariablePattern();
}
