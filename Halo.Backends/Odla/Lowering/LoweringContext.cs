using System.Collections.Immutable;
using Halo.Backends.Odla.Emit;
using Halo.Core.Diagnostics;
using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;

namespace Halo.Backends.Odla.Lowering;

/// <summary>What a lowering sees of one operation: operands (as ODLA variables or compile-time constants),
/// attributes, static types, and the module it emits into.</summary>
internal sealed partial class LoweringContext
{
    private readonly Func<ValueRef, OdlaVariable> _materialize;
    private readonly Action<ValueRef, OdlaVariable> _bind;
    private readonly DiagnosticBag _diagnostics;
    private readonly string?[] _outputIds;

    public LoweringContext(OdlaModule module, Node node, Func<ValueRef, OdlaVariable> materialize,
        Action<ValueRef, OdlaVariable> bind, DiagnosticBag diagnostics)
    {
        Module = module;
        Node = node;
        Op = (GreenOp)node.Green;
        _materialize = materialize;
        _bind = bind;
        _diagnostics = diagnostics;
        _outputIds = new string?[Op.OutputTypes.Length];
    }

    public OdlaModule Module { get; }

    public Node Node { get; }

    public GreenOp Op { get; }

    public AttributeMap Attributes => Op.Attributes;

    /// <summary>The operator's since-version.</summary>
    public int Version => Op.Operator.SinceVersion;

    public int InputCount => Op.Inputs.Length;

    public int OutputCount => Op.OutputTypes.Length;

    public bool HasInput(int index) => index < Op.Inputs.Length && !Op.Inputs[index].IsNone;

    /// <summary>Whether output <paramref name="index"/> is used by an operation or is a graph output.</summary>
    public bool IsOutputUsed(int index) => index < OutputCount
        && (Node.Users.Any(u => u.OutputIndex == index) || Node.Graph.IsOutput(Op.Output(index)));

    public TensorType InputType(int index) => (TensorType)Op.Inputs[index].Producer!.OutputTypes[Op.Inputs[index].Output];

    public TensorType OutputType(int index = 0) => (TensorType)Op.OutputTypes[index];

    public long[] InputShape(int index) => InputType(index).Shape.ToSizes();

    public long[] OutputShape(int index = 0) => OutputType(index).Shape.ToSizes();

    public int InputRank(int index) => InputType(index).Shape.Rank;

    /// <summary>The ODLA variable of operand <paramref name="index"/> (emitting a constant on first use), or <c>NULL</c> when omitted.</summary>
    public string Value(int index) => HasInput(index) ? _materialize(Op.Inputs[index]).Name : "NULL";

    /// <summary>An ODLA constant holding <paramref name="data"/> (an attribute the ODLA function takes as a value).</summary>
    public string NewConstant(TensorData data) => _materialize(new GreenConstant(data).Output(0)).Name;

    /// <summary>The data of operand <paramref name="index"/> when it is a constant; null otherwise.</summary>
    public TensorData? Constant(int index) =>
        HasInput(index) && Op.Inputs[index].Producer is GreenConstant { Data: { } data } ? data : null;

    /// <summary>Operand <paramref name="index"/> as integers when it is an integer constant; null otherwise.</summary>
    public long[]? ConstantInts(int index) => Constant(index) is { } data ? TensorValues.ToInt64Array(data) : null;

    /// <summary>Operand <paramref name="index"/> as numbers when it is a numeric constant; null otherwise.</summary>
    public double[]? ConstantDoubles(int index) => Constant(index) is { } data ? TensorValues.ToDoubleArray(data) : null;

    public long Int(string name, long defaultValue) => Attributes.GetInt(name, defaultValue);

    public float Float(string name, float defaultValue) => Attributes.GetFloat(name, defaultValue);

    public string? String(string name, string? defaultValue) => Attributes.GetString(name, defaultValue);

    public ImmutableArray<long>? Ints(string name) => Attributes.GetInts(name);

    /// <summary>The id expression of output <paramref name="index"/> (allocated once).</summary>
    public string OutputId(int index = 0) =>
        _outputIds[index] ??= Module.Id(Node.Graph.NameOf(Op.Output(index)) ?? Node.Name);

    /// <summary>Emits <c>odla_value vN = EXPR;</c> for output <paramref name="index"/>.</summary>
    public bool Define(int index, string expression)
    {
        string variable = Module.NewVariable();
        Module.Define(variable, expression);
        _bind(Op.Output(index), new OdlaVariable(variable, OutputId(index), OdlaVariableKind.Computed, -1));
        return true;
    }

    /// <summary>Emits a call returning <c>odla_values</c> and one variable per used output, taking the ids built by
    /// <c>Module.Ids</c> of every output.</summary>
    public bool DefineMany(Func<string, string> expressionOfIds) => DefineMany([.. Enumerable.Range(0, OutputCount)], expressionOfIds);

    /// <summary>As <see cref="DefineMany(Func{string, string})"/> where the call returns, in order, the outputs
    /// <paramref name="outputs"/> of this node (ODLA functions that return only the requested states).</summary>
    public bool DefineMany(IReadOnlyList<int> outputs, Func<string, string> expressionOfIds)
    {
        string ids = Module.Ids([.. outputs.Select(OutputId)]);
        string results = Module.NewArrayName("r");
        Module.Statements.Add($"odla_values {results} = {expressionOfIds(ids)};");
        for (int k = 0; k < outputs.Count; k++)
        {
            if (IsOutputUsed(outputs[k]))
            {
                Define(outputs[k], $"{results}.values[{k.ToString(System.Globalization.CultureInfo.InvariantCulture)}]");
            }
        }
        return true;
    }

    /// <summary>Output <paramref name="output"/> is operand <paramref name="input"/> (no ODLA call).</summary>
    public bool Alias(int output, int input)
    {
        _bind(Op.Output(output), _materialize(Op.Inputs[input]));
        return true;
    }

    /// <summary>Reports that this node's form cannot be lowered (HALO4104) and returns false.</summary>
    public bool Unsupported(string reason)
    {
        _diagnostics.Report(OdlaDiagnostics.UnsupportedForm, Location, Op.Operator.Name, Node.Name ?? "(unnamed)", reason);
        return false;
    }

    public ModelLocation Location => Node.Location with { NodeName = Node.Name, Operator = Op.Operator.Name, NodeIndex = Node.Index };

    /// <summary>A non-negative axis for rank <paramref name="rank"/>.</summary>
    public static long NormalizeAxis(long axis, int rank) => axis < 0 ? axis + rank : axis;
}
