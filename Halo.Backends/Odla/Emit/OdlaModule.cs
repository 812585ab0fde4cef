using System.Globalization;
using System.Text;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;

namespace Halo.Backends.Odla.Emit;

/// <summary>
/// The generated build function under construction: file-scope arrays, statements, value ids, constants and the
/// helper functions used. Names are numbered in emission order, so the same graph gives the same text.
/// </summary>
internal sealed class OdlaModule
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<GreenConstant, OdlaConstantSymbol> _constants = new(ReferenceEqualityComparer.Instance);
    private int _nextVariable;
    private int _nextArray;
    private int _nextIntId = 1;

    public OdlaModule(string entryName, OdlaCodeGenOptions options)
    {
        EntryName = entryName;
        Options = options;
    }

    public string EntryName { get; }

    public OdlaCodeGenOptions Options { get; }

    /// <summary>File-scope <c>static const</c> array definitions.</summary>
    public List<string> Arrays { get; } = [];

    /// <summary>Statements of the build function, in order.</summary>
    public List<string> Statements { get; } = [];

    /// <summary>The constants' symbols in first-use order.</summary>
    public List<OdlaConstantSymbol> Constants { get; } = [];

    /// <summary>Headers beyond <c>ODLA/odla.h</c> that the code needs (Halo's extensions), included in this order.</summary>
    public SortedSet<string> ExtensionHeaders { get; } = new(StringComparer.Ordinal);

    /// <summary>The helper functions used: <c>shape</c>, <c>type</c>, <c>values</c>, <c>ids</c>.</summary>
    public SortedSet<string> Helpers { get; } = new(StringComparer.Ordinal);

    /// <summary>Records that the code calls the Halo extension operator <paramref name="function"/> (<c>odla_Halo*</c>,
    /// declared in <c>ODLA/odla_ops_halo.h</c>), so that it includes that header, and returns the function name.</summary>
    public string HaloExtension(string function)
    {
        ExtensionHeaders.Add("ODLA/odla_ops_halo.h");
        return function;
    }

    public string NewVariable() => "v" + (_nextVariable++).ToString(CultureInfo.InvariantCulture);

    public string NewArrayName(string prefix) => prefix + (_nextArray++).ToString(CultureInfo.InvariantCulture);

    public string UInt32Array(IEnumerable<long> values) => Array("odla_uint32", values.Select(v => CSyntax.Int(v) + (v > int.MaxValue ? "U" : "")));

    public string Int32Array(IEnumerable<long> values) => Array("odla_int32", values.Select(CSyntax.Int));

    public string Int64Array(IEnumerable<long> values) => Array("odla_int64", values.Select(CSyntax.Int));

    /// <summary>A static <c>odla_float32</c> array of <paramref name="values"/> (rounded to float32), or <c>NULL</c> when empty.</summary>
    public string Float32Array(IEnumerable<double> values) => Array("odla_float32", values.Select(v => CSyntax.Float((float)v)));

    /// <summary>An <c>odla_value_shape</c> expression.</summary>
    public string Shape(IReadOnlyCollection<long> dims)
    {
        Helpers.Add("shape");
        return $"{EntryName}_shape({dims.Count.ToString(CultureInfo.InvariantCulture)}, {Int64Array(dims)})";
    }

    /// <summary>An <c>odla_value_type</c> expression.</summary>
    public string Type(ElementType elementType, IReadOnlyCollection<long> dims)
    {
        Helpers.Add("type");
        return $"{EntryName}_type({OdlaElementType(elementType)}, {Shape(dims)})";
    }

    /// <summary>The <c>odla_element_type</c> expression of a type <see cref="OdlaTypes.ToOdla"/> maps; a Halo extension
    /// type includes <see cref="OdlaTypes.HaloTypesHeader"/>.</summary>
    public string OdlaElementType(ElementType elementType)
    {
        string odla = OdlaTypes.ToOdla(elementType)
            ?? throw new ArgumentOutOfRangeException(nameof(elementType), elementType, "No ODLA element type.");
        if (OdlaTypes.IsHaloExtension(elementType))
        {
            ExtensionHeaders.Add(OdlaTypes.HaloTypesHeader);
        }
        return odla;
    }

    /// <summary>Declares a local <c>odla_value</c> array and returns an <c>odla_values</c> expression over it.</summary>
    public string Values(IReadOnlyCollection<string> variables)
    {
        Helpers.Add("values");
        string name = NewArrayName("in");
        Statements.Add($"odla_value {name}[] = {{{string.Join(", ", variables)}}};");
        return $"{EntryName}_values({variables.Count.ToString(CultureInfo.InvariantCulture)}, {name})";
    }

    /// <summary>Declares a local <c>odla_value_id</c> array and returns an <c>odla_value_ids</c> expression over it.</summary>
    public string Ids(IReadOnlyCollection<string> ids)
    {
        Helpers.Add("ids");
        string name = NewArrayName("ids");
        Statements.Add($"odla_value_id {name}[] = {{{string.Join(", ", ids)}}};");
        return $"{EntryName}_ids({ids.Count.ToString(CultureInfo.InvariantCulture)}, {name})";
    }

    /// <summary>A new unique value id for a value preferably named <paramref name="name"/>.</summary>
    public string Id(string? name)
    {
        if (Options.EmitValueIdAsInt)
        {
            return $"(odla_value_id)(odla_size_t){(_nextIntId++).ToString(CultureInfo.InvariantCulture)}";
        }
        string baseName = string.IsNullOrEmpty(name) ? "v" + _nextIntId++.ToString(CultureInfo.InvariantCulture) : name;
        string unique = baseName;
        for (int n = 1; !_ids.Add(unique); n++)
        {
            unique = baseName + "_" + n.ToString(CultureInfo.InvariantCulture);
        }
        return "(odla_value_id)" + CSyntax.StringLiteral(unique);
    }

    /// <summary>The weights symbol of <paramref name="constant"/> (one per constant node, shared by all its uses).</summary>
    public OdlaConstantSymbol ConstantSymbol(GreenConstant constant)
    {
        if (!_constants.TryGetValue(constant, out var symbol))
        {
            symbol = new OdlaConstantSymbol($"{EntryName}_w{Constants.Count.ToString(CultureInfo.InvariantCulture)}", constant.Data!);
            _constants[constant] = symbol;
            Constants.Add(symbol);
        }
        return symbol;
    }

    /// <summary>Emits <c>odla_value VAR = EXPR;</c> with a null check that makes the build fail.</summary>
    public void Define(string variable, string expression)
    {
        Statements.Add($"odla_value {variable} = {expression};");
        Statements.Add($"if ({variable} == NULL) return 1;");
    }

    private string Array(string elementType, IEnumerable<string> values)
    {
        var list = values.ToList();
        if (list.Count == 0)
        {
            return "NULL";
        }
        string name = NewArrayName("a");
        var text = new StringBuilder($"static const {elementType} {name}[{list.Count.ToString(CultureInfo.InvariantCulture)}] = {{");
        text.AppendJoin(", ", list).Append("};");
        Arrays.Add(text.ToString());
        return name;
    }
}
