using System.Globalization;
using System.Text;
using Halo.Core.IR.Green;

namespace Halo.Core.IR.Text;

/// <summary>
/// Prints models and graphs in the IR text form, which <see cref="GraphParser"/> reads back
/// (print(parse(print(g))) == print(g) with <see cref="GraphPrinterOptions.Full"/>). Deterministic.
/// </summary>
public static class GraphPrinter
{
    /// <summary>Prints a model: a header line (IR version, producer, opsets, metadata) and its main graph.</summary>
    public static string Print(HaloModel model, GraphPrinterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var sb = new StringBuilder("model ir_version = ");
        sb.Append(model.IrVersion.ToString(CultureInfo.InvariantCulture));
        sb.Append(", producer = ").Append(TextSyntax.Quote(model.Producer));
        sb.Append(", opsets = {");
        sb.AppendJoin(", ", model.OpsetImports.Select(kv => TextSyntax.Quote(kv.Key) + ": " + kv.Value.ToString(CultureInfo.InvariantCulture)));
        sb.Append('}');
        if (!model.Metadata.IsEmpty)
        {
            sb.Append(", metadata = {");
            sb.AppendJoin(", ", model.Metadata.Select(kv => TextSyntax.Quote(kv.Key) + ": " + TextSyntax.Quote(kv.Value)));
            sb.Append('}');
        }
        sb.Append('\n');
        new GraphWriter(sb, options ?? GraphPrinterOptions.Full).WriteGraph(model.Graph, 0);
        return sb.ToString();
    }

    /// <summary>Prints one graph.</summary>
    public static string PrintGraph(Graph graph, GraphPrinterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var sb = new StringBuilder();
        new GraphWriter(sb, options ?? GraphPrinterOptions.Full).WriteGraph(graph, 0);
        return sb.ToString();
    }

    /// <summary>Prints one type (<c>f32[1,3,N,?]</c>, <c>seq&lt;i64[*]&gt;</c>).</summary>
    public static string PrintType(Types.IrType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var sb = new StringBuilder();
        GraphWriter.WriteType(sb, type);
        return sb.ToString();
    }

    /// <summary>Unique printable names for every value of a graph: its own names, made unique, and
    /// generated ones (<c>_t0</c>, <c>_t1</c>...) for unnamed values.</summary>
    internal static Dictionary<ValueRef, string> AssignNames(Graph graph)
    {
        var names = new Dictionary<ValueRef, string>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var unnamed = new List<ValueRef>();
        foreach (var node in graph.TopologicalOrder)
        {
            for (int i = 0; i < node.OutputTypes.Length; i++)
            {
                var v = node.Output(i);
                string? name = graph.NameOf(v) ?? (node is GreenCapture c && i == 0 ? c.OuterName : null);
                if (name is null)
                {
                    unnamed.Add(v);
                    continue;
                }
                string unique = name;
                for (int k = 1; !taken.Add(unique); k++)
                {
                    unique = name + "_" + k.ToString(CultureInfo.InvariantCulture);
                }
                names[v] = unique;
            }
        }
        int next = 0;
        foreach (var v in unnamed)
        {
            string n;
            do
            {
                n = "_t" + (next++).ToString(CultureInfo.InvariantCulture);
            }
            while (!taken.Add(n));
            names[v] = n;
        }
        return names;
    }
}
