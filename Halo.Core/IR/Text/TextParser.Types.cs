using System.Collections.Immutable;
using Halo.Core.IR.Types;

namespace Halo.Core.IR.Text;

internal sealed partial class TextParser
{
    private IrType ParseType()
    {
        var t = Current;
        if (t.Kind != TextTokenKind.Identifier)
        {
            throw Error($"expected a type, found '{t.Text}'");
        }
        _pos++;
        switch (t.Text)
        {
            case "seq":
                return new SequenceType(ParseAngled(ParseType));
            case "opt":
                return new OptionalType(ParseAngled(ParseType));
            case "sparse":
                Expect("<");
                var sparseElement = ParseElementType(Current);
                _pos++;
                var sparseShape = ParseShape();
                Expect(">");
                return new SparseTensorType(sparseElement, sparseShape);
            case "map":
                Expect("<");
                var key = ParseElementType(Current);
                _pos++;
                Expect(",");
                var value = ParseType();
                Expect(">");
                return new MapType(key, value);
            default:
                return new TensorType(ParseElementType(t), ParseShape());
        }
    }

    private T ParseAngled<T>(Func<T> parse)
    {
        Expect("<");
        var result = parse();
        Expect(">");
        return result;
    }

    private ElementType ParseElementType(TextToken t) =>
        t.Kind == TextTokenKind.Identifier && ElementTypeExtensions.TryParseName(t.Text, out var e)
            ? e : throw Error($"unknown element type '{t.Text}'", t);

    private Shape ParseShape()
    {
        if (PeekIs(0, "[") && PeekIs(1, "*"))
        {
            _pos += 2;
            Expect("]");
            return Shape.Unranked;
        }
        var dims = ParseList(ParseDimension);
        return Shape.Of(ImmutableArray.CreateRange(dims));
    }
}
