using System.Collections.Immutable;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Core.Operators;

namespace Halo.Core.IR.Text;

internal sealed partial class TextParser
{
    private GreenOp ParseOp(GraphScope scope)
    {
        string domain = OperatorId.DefaultDomain;
        if (Current.Kind == TextTokenKind.String && PeekIs(1, "::"))
        {
            domain = ExpectString();
            Expect("::");
        }
        string name = ParseName();
        Expect("<");
        long since = ParseLong();
        Expect(">");
        var inputs = ParseOperands(scope);
        var implicitInputs = ImmutableArray<ValueRef>.Empty;
        if (Current.Is(TextTokenKind.Identifier, "captures") && PeekIs(1, "("))
        {
            _pos++;
            implicitInputs = ParseOperands(scope);
        }
        var attributes = AttributeMap.Empty;
        if (PeekIs(0, "{"))
        {
            var items = new List<KeyValuePair<string, AttributeValue>>();
            ParseMap(() =>
            {
                string attrName = ParseName();
                Expect("=");
                items.Add(new(attrName, ParseAttributeValue()));
            });
            attributes = AttributeMap.Create(items);
        }
        string? nodeName = Accept("@") ? ExpectString() : null;
        Expect(":");
        var types = new List<IrType> { ParseType() };
        while (Accept(","))
        {
            types.Add(ParseType());
        }
        var op = GreenOp.Create(new OperatorId(domain, name, (int)Math.Clamp(since, 0, int.MaxValue)), inputs, attributes, [.. types])
            .WithImplicitInputs(implicitInputs);
        if (nodeName is not null)
        {
            scope.NodeNames[op] = nodeName;
        }
        return op;
    }

    private ImmutableArray<ValueRef> ParseOperands(GraphScope scope)
    {
        Expect("(");
        var inputs = ImmutableArray.CreateBuilder<ValueRef>();
        while (!Accept(")"))
        {
            if (inputs.Count > 0)
            {
                Expect(",");
            }
            if (Current.Is(TextTokenKind.Identifier, "_"))
            {
                _pos++;
                inputs.Add(ValueRef.None);
                continue;
            }
            var (valueName, token) = ParseValueName();
            inputs.Add(scope.Resolve(valueName, token));
        }
        return inputs.ToImmutable();
    }

    private AttributeValue ParseAttributeValue()
    {
        var t = Current;
        switch (t.Kind)
        {
            case TextTokenKind.Number:
                return IsFloatText(t.Text) ? AttributeValue.FromFloat((float)ParseDouble()) : AttributeValue.FromInt(ParseLong());
            case TextTokenKind.String:
                return AttributeValue.FromString(ExpectString());
            case TextTokenKind.Identifier:
                return ParseWordAttribute(t.Text);
            default:
                throw Error($"expected an attribute value, found '{t.Text}'");
        }
    }

    private AttributeValue ParseWordAttribute(string word)
    {
        if (PeekIs(1, "["))
        {
            switch (word)
            {
                case "ints": _pos++; return AttributeValue.FromInts([.. ParseList(ParseLong)]);
                case "floats": _pos++; return AttributeValue.FromFloats([.. ParseList(() => (float)ParseDouble())]);
                case "strings": _pos++; return AttributeValue.FromStrings([.. ParseList(ExpectString)]);
                case "tensors": _pos++; return AttributeValue.FromTensors([.. ParseList(ParseTensor)]);
                case "sparse_tensors": _pos++; return AttributeValue.FromSparseTensors([.. ParseList(ParseSparse)]);
                case "graphs": _pos++; return AttributeValue.FromGraphs([.. ParseList(ParseGraph)]);
                case "types": _pos++; return AttributeValue.FromTypes([.. ParseList(ParseType)]);
                default: break;
            }
        }
        switch (word)
        {
            case "graph": return AttributeValue.FromGraph(ParseGraph());
            case "type": _pos++; return AttributeValue.FromType(ParseType());
            case "sparse" when PeekIs(1, "("): return AttributeValue.FromSparseTensor(ParseSparse());
            default: return AttributeValue.FromTensor(ParseTensor());
        }
    }

    private static bool IsFloatText(string text) =>
        text.Contains('.', StringComparison.Ordinal) || text.Contains('e', StringComparison.OrdinalIgnoreCase)
        || text.Contains("nan", StringComparison.Ordinal) || text.Contains("inf", StringComparison.Ordinal);
}
