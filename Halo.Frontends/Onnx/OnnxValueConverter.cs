using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Frontends.Diagnostics;
using Halo.Frontends.Onnx.Protos;

namespace Halo.Frontends.Onnx;

/// <summary>Converts the data-file messages (<see cref="SequenceProto"/>, <see cref="MapProto"/>,
/// <see cref="OptionalProto"/>) into <see cref="OnnxValue"/>s. Recursion follows message nesting, which the
/// parser's recursion limit bounds.</summary>
internal static class OnnxValueConverter
{
    private const int TensorKind = 1;
    private const int SparseKind = 2;
    private const int SequenceKind = 3;
    private const int MapKind = 4;
    private const int OptionalKind = 5;

    public static OnnxValue? FromTensor(TensorProto proto, OnnxReadContext context) =>
        OnnxTensorConverter.ToTensorData(proto, context) is { } t ? OnnxValue.FromTensor(t, proto.Name) : null;

    public static OnnxValue? FromSparse(SparseTensorProto proto, OnnxReadContext context) =>
        OnnxTensorConverter.ToSparseData(proto, context) is { } s ? OnnxValue.FromSparseTensor(s, proto.Values?.Name) : null;

    public static OnnxValue? FromSequence(SequenceProto proto, OnnxReadContext context)
    {
        int count = proto.TensorValues.Count + proto.SparseTensorValues.Count + proto.SequenceValues.Count
            + proto.MapValues.Count + proto.OptionalValues.Count;
        IEnumerable<OnnxValue?> elements = proto.ElemType switch
        {
            TensorKind => proto.TensorValues.Select(t => FromTensor(t, context)),
            SparseKind => proto.SparseTensorValues.Select(s => FromSparse(s, context)),
            SequenceKind => proto.SequenceValues.Select(s => FromSequence(s, context)),
            MapKind => proto.MapValues.Select(m => FromMap(m, context)),
            OptionalKind => proto.OptionalValues.Select(o => FromOptional(o, context)),
            0 when count == 0 => [],
            _ => [null],
        };
        var list = elements.ToList();
        if (list.Contains(null) || list.Count != count)
        {
            return Fail(context, proto.Name, $"sequence element type {proto.ElemType} does not match its stored elements");
        }
        return OnnxValue.FromSequence([.. list.OfType<OnnxValue>()], proto.Name);
    }

    public static OnnxValue? FromOptional(OptionalProto proto, OnnxReadContext context)
    {
        OnnxValue? content = proto.ElemType switch
        {
            TensorKind when proto.TensorValue is { } t => FromTensor(t, context),
            SparseKind when proto.SparseTensorValue is { } s => FromSparse(s, context),
            SequenceKind when proto.SequenceValue is { } s => FromSequence(s, context),
            MapKind when proto.MapValue is { } m => FromMap(m, context),
            OptionalKind when proto.OptionalValue is { } o => FromOptional(o, context),
            _ => null,
        };
        bool stored = proto.TensorValue is not null || proto.SparseTensorValue is not null || proto.SequenceValue is not null
            || proto.MapValue is not null || proto.OptionalValue is not null;
        if (content is null && stored)
        {
            return context.Diagnostics.HasErrors ? null
                : Fail(context, proto.Name, $"optional element type {proto.ElemType} does not match its stored value");
        }
        return OnnxValue.FromOptional(content, proto.Name);
    }

    public static OnnxValue? FromMap(MapProto proto, OnnxReadContext context)
    {
        if (!ElementTypeExtensions.IsKnownDataType(proto.KeyType))
        {
            return Fail(context, proto.Name, $"key type {proto.KeyType} is not a known ONNX data type");
        }
        var keyType = (ElementType)proto.KeyType;
        TensorData keys;
        if (keyType == ElementType.String)
        {
            keys = TensorData.FromStrings([.. proto.StringKeys.Select(k => k.ToStringUtf8())], [proto.StringKeys.Count]);
        }
        else if (keyType.IsInteger() && keyType.BitWidth() >= 8)
        {
            keys = TensorData.FromInt64s([.. proto.Keys], proto.Keys.Count);
        }
        else
        {
            return Fail(context, proto.Name, $"map keys must be integers or strings, not {keyType.GetName()}");
        }
        var values = proto.Values is null ? OnnxValue.FromSequence([]) : FromSequence(proto.Values, context);
        if (values is null)
        {
            return null;
        }
        if (values.Elements.Length != keys.ElementCount)
        {
            return Fail(context, proto.Name, $"{keys.ElementCount} keys but {values.Elements.Length} values");
        }
        return OnnxValue.FromMap(keys, values.Elements, proto.Name);
    }

    private static OnnxValue? Fail(OnnxReadContext context, string? name, string reason)
    {
        context.Report(FrontendDiagnostics.InvalidTensor, null, string.IsNullOrEmpty(name) ? "(unnamed)" : name, reason);
        return null;
    }
}
