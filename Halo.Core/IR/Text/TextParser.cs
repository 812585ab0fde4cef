using System.Collections.Immutable;
using System.Globalization;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;

namespace Halo.Core.IR.Text;

/// <summary>Recursive-descent parser over tokens; recursion depth follows subgraph and type nesting only.</summary>
internal sealed partial class TextParser(List<TextToken> tokens)
{
    private int _pos;

    private TextToken Current => tokens[_pos];

    public HaloModel ParseModel()
    {
        ExpectWord("model");
        ExpectWord("ir_version");
        Expect("=");
        long irVersion = ParseLong();
        Expect(",");
        ExpectWord("producer");
        Expect("=");
        string producer = ExpectString();
        Expect(",");
        ExpectWord("opsets");
        Expect("=");
        var opsets = ImmutableSortedDictionary.CreateBuilder<string, long>(StringComparer.Ordinal);
        ParseMap(() => opsets[ExpectString()] = ExpectColonThen(ParseLong));
        var metadata = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (Accept(","))
        {
            ExpectWord("metadata");
            Expect("=");
            ParseMap(() => metadata[ExpectString()] = ExpectColonThen(ExpectString));
        }
        var graph = ParseGraph();
        ExpectEnd();
        return new HaloModel(graph)
        {
            IrVersion = irVersion, Producer = producer, OpsetImports = opsets.ToImmutable(), Metadata = metadata.ToImmutable(),
        };
    }

    public Graph ParseTopGraph()
    {
        var graph = ParseGraph();
        ExpectEnd();
        return graph;
    }

    private Graph ParseGraph()
    {
        ExpectWord("graph");
        string name = ParseName();
        var scope = new GraphScope();
        Expect("(");
        var inputs = ImmutableArray.CreateBuilder<GreenInput>();
        while (!Accept(")"))
        {
            if (inputs.Count > 0)
            {
                Expect(",");
            }
            var (valueName, token) = ParseValueName();
            Expect(":");
            var input = new GreenInput(ParseType());
            inputs.Add(input);
            scope.Define(valueName, input.Output(0), token);
        }
        Expect("->");
        var outputNames = new List<(string, TextToken)>();
        Expect("(");
        while (!Accept(")"))
        {
            if (outputNames.Count > 0)
            {
                Expect(",");
            }
            outputNames.Add(ParseValueName());
        }
        Expect("{");
        while (!Accept("}"))
        {
            ParseStatement(scope);
        }
        var outputs = outputNames.Select(o => scope.Resolve(o.Item1, o.Item2)).ToImmutableArray();
        return Graph.Create(name, inputs.ToImmutable(), outputs, scope.ValueNames.ToImmutable(), scope.NodeNames.ToImmutable());
    }

    private void ParseStatement(GraphScope scope)
    {
        var results = new List<(string Name, TextToken Token)> { ParseValueName() };
        while (Accept(","))
        {
            results.Add(ParseValueName());
        }
        Expect("=");
        GreenNode node;
        if (Current.Is(TextTokenKind.Identifier, "constant") && !PeekIs(1, "<"))
        {
            _pos++;
            node = Current.Is(TextTokenKind.Identifier, "sparse") && PeekIs(1, "(")
                ? new GreenConstant(ParseSparse()) : new GreenConstant(ParseTensor());
        }
        else if (Current.Is(TextTokenKind.Identifier, "capture") && !PeekIs(1, "<"))
        {
            _pos++;
            string outer = ExpectString();
            Expect(":");
            node = new GreenCapture(outer, ParseType());
        }
        else
        {
            node = ParseOp(scope);
        }
        if (node.OutputTypes.Length != results.Count)
        {
            throw Error($"the node has {node.OutputTypes.Length} results but {results.Count} names");
        }
        for (int i = 0; i < results.Count; i++)
        {
            scope.Define(results[i].Name, node.Output(i), results[i].Token);
        }
    }

    private Dimension ParseDimension()
    {
        var t = Current;
        _pos++;
        if (t.Kind == TextTokenKind.Number)
        {
            return long.TryParse(t.Text, NumberStyles.None, CultureInfo.InvariantCulture, out long v)
                ? Dimension.Of(v) : throw Error("bad dimension", t);
        }
        if (t.Is(TextTokenKind.Punct, "?"))
        {
            return Dimension.Unknown;
        }
        if (t.Kind is TextTokenKind.Identifier or TextTokenKind.String)
        {
            return Dimension.Symbolic(t.Text);
        }
        throw Error($"expected a dimension, found '{t.Text}'", t);
    }
}
