using System.Collections.Immutable;
using Halo.Core.IR.Types;
using Halo.Frontends.TensorFlow.Protos;
using Kind = Halo.Frontends.TensorFlow.Protos.AttrValue.ValueOneofCase;

namespace Halo.Frontends.TensorFlow.Operators;

/// <summary>Typed attribute readers: each returns the default when the attribute is absent, and null after
/// reporting (HALO1108) a missing attribute without default or a value of the wrong kind.</summary>
internal sealed partial class TensorFlowNodeContext
{
    private enum Lookup
    {
        Found,
        UseDefault,
        Failed,
    }

    public long? Int(string name, long? defaultValue = null) =>
        Find(name, Kind.I, "an int", defaultValue.HasValue, out var v) switch
        {
            Lookup.Found => v!.I,
            Lookup.UseDefault => defaultValue,
            _ => null,
        };

    public float? Float(string name, float? defaultValue = null) =>
        Find(name, Kind.F, "a float", defaultValue.HasValue, out var v) switch
        {
            Lookup.Found => v!.F,
            Lookup.UseDefault => defaultValue,
            _ => null,
        };

    public bool? Bool(string name, bool? defaultValue = null) =>
        Find(name, Kind.B, "a bool", defaultValue.HasValue, out var v) switch
        {
            Lookup.Found => v!.B,
            Lookup.UseDefault => defaultValue,
            _ => null,
        };

    public string? String(string name, string? defaultValue = null) =>
        Find(name, Kind.S, "a string", defaultValue is not null, out var v) switch
        {
            Lookup.Found => v!.S.ToStringUtf8(),
            Lookup.UseDefault => defaultValue,
            _ => null,
        };

    public ImmutableArray<long>? Ints(string name, ImmutableArray<long>? defaultValue = null)
    {
        // An empty list may be written as an AttrValue without its list message.
        if (Node.Attr.TryGetValue(name, out var empty) && empty.ValueCase == Kind.None)
        {
            return [];
        }
        return Find(name, Kind.List, "a list of ints", defaultValue.HasValue, out var v) switch
        {
            Lookup.Found => [.. v!.List.I],
            Lookup.UseDefault => defaultValue,
            _ => null,
        };
    }

    /// <summary>The element type of a <c>type</c> attribute (<c>T</c>, <c>dtype</c>, <c>DstT</c>); an unsupported
    /// type is reported (HALO1105).</summary>
    public ElementType? DataType(string name, ElementType? defaultValue = null)
    {
        var lookup = Find(name, Kind.Type, "a type", defaultValue.HasValue, out var v);
        if (lookup != Lookup.Found)
        {
            return lookup == Lookup.UseDefault ? defaultValue : null;
        }
        if (!TensorFlowTypeConverter.TryGetElementType(v!.Type, out var type))
        {
            Report(TensorFlowDiagnostics.UnsupportedDataType, Description, TensorFlowTypeConverter.Name(v.Type), "attribute '" + name + "'");
            return null;
        }
        return type;
    }

    /// <summary>A <c>shape</c> attribute; absent gives an unknown-rank shape.</summary>
    public TensorShapeProto? Shape(string name) =>
        Find(name, Kind.Shape, "a shape", hasDefault: true, out var v) switch
        {
            Lookup.Found => v!.Shape,
            Lookup.UseDefault => new TensorShapeProto { UnknownRank = true },
            _ => null,
        };

    /// <summary>A <c>tensor</c> attribute.</summary>
    public TensorProto? Tensor(string name) =>
        Find(name, Kind.Tensor, "a tensor", hasDefault: false, out var v) == Lookup.Found ? v!.Tensor : null;

    /// <summary>Reports that attribute <paramref name="name"/> has a value the conversion does not support.</summary>
    public void ReportAttribute(string name, string problem) =>
        Report(TensorFlowDiagnostics.InvalidAttribute, name, Description, problem);

    private Lookup Find(string name, Kind kind, string kindName, bool hasDefault, out AttrValue? value)
    {
        if (!Node.Attr.TryGetValue(name, out value))
        {
            if (hasDefault)
            {
                return Lookup.UseDefault;
            }
            ReportAttribute(name, "the attribute is missing");
            return Lookup.Failed;
        }
        if (value.ValueCase != kind)
        {
            ReportAttribute(name, "the value must be " + kindName);
            return Lookup.Failed;
        }
        return Lookup.Found;
    }
}
