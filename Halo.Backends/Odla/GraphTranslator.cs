using System.Globalization;
using Halo.Backends.Odla.Emit;
using Halo.Backends.Odla.Lowering;
using Halo.Core.Diagnostics;
using Halo.Core.IR;
using Halo.Core.IR.Green;

namespace Halo.Backends.Odla;

/// <summary>
/// Turns a graph into the statements of an <see cref="OdlaModule"/>: checks every operator and value first (all
/// problems at once), then creates arguments, lowers operations in topological order (constants on first use) and
/// plans how each output is filled.
/// </summary>
internal sealed partial class GraphTranslator
{
    private readonly Graph _graph;
    private readonly OdlaModule _module;
    private readonly LoweringTable _table;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<ValueRef, OdlaVariable> _variables = [];

    public GraphTranslator(Graph graph, OdlaModule module, LoweringTable table, DiagnosticBag diagnostics)
    {
        _graph = graph;
        _module = module;
        _table = table;
        _diagnostics = diagnostics;
    }

    /// <summary>The argument ids, in graph input order.</summary>
    public List<string> ArgumentIds { get; } = [];

    /// <summary>How each output is filled, in graph output order.</summary>
    public List<OdlaOutputBinding> Outputs { get; } = [];

    /// <summary>Reports every operator without a lowering and every value ODLA cannot hold; true when none.</summary>
    public bool Check()
    {
        bool ok = true;
        foreach (var node in _graph.Nodes)
        {
            if (node.Green is GreenOp op && _table.Find(op.Operator) is null)
            {
                _diagnostics.Report(OdlaDiagnostics.UnsupportedOperator, LocationOf(node), op.Operator.Name,
                    op.Operator.Domain.Length == 0 ? "ai.onnx" : op.Operator.Domain, op.Operator.SinceVersion, node.Name ?? "(unnamed)");
                ok = false;
            }
            for (int i = 0; i < node.OutputTypes.Length; i++)
            {
                if (NeedsValue(node, i))
                {
                    ok &= CheckValue(node, i);
                }
            }
        }
        return ok;
    }

    /// <summary>Emits the build statements; true when every lowering succeeded.</summary>
    public bool Lower()
    {
        bool interpret = _module.Options.ExecMode == OdlaExecMode.Interpret;
        for (int i = 0; i < _graph.Inputs.Length; i++)
        {
            var input = _graph.Inputs[i];
            var type = (Core.IR.Types.TensorType)input.Type;
            string variable = _module.NewVariable();
            string id = _module.Id(_graph.NameOf(input.Output(0)) ?? "input" + i.ToString(CultureInfo.InvariantCulture));
            _module.Define(variable, $"odla_CreateArgument({_module.Type(type.ElementType, type.Shape.ToSizes())}, {id})");
            if (interpret)
            {
                _module.Statements.Add($"if (odla_BindToArgument({variable}, inputs[{i.ToString(CultureInfo.InvariantCulture)}], ctx) != ODLA_SUCCESS) return 1;");
            }
            ArgumentIds.Add(id);
            _variables[input.Output(0)] = new OdlaVariable(variable, id, OdlaVariableKind.Argument, i);
        }
        bool ok = true;
        foreach (var node in _graph.Nodes)
        {
            if (node.Green is GreenOp op)
            {
                ok &= LowerNode(node, _table.Find(op.Operator)!);
            }
        }
        if (!ok)
        {
            return false;
        }
        if (interpret && _module.Options.EmitValueReset)
        {
            InsertReleases();
        }
        PlanOutputs(interpret);
        return true;
    }

    private bool LowerNode(Node node, OdlaLowering lowering)
    {
        var context = new LoweringContext(_module, node, Materialize, (value, variable) => _variables[value] = variable, _diagnostics);
        try
        {
            return lowering(context);
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidCastException or ArgumentException or IndexOutOfRangeException
            or KeyNotFoundException or OverflowException)
        {
            // A malformed node (wrong attribute kind, operand count) must become a diagnostic, never a crash.
            _diagnostics.Report(CoreDiagnostics.InternalError, LocationOf(node), $"the ODLA lowering of node '{node.Name}'",
                e.GetType().Name + ": " + e.Message);
            return false;
        }
    }

    private OdlaVariable Materialize(ValueRef value)
    {
        if (_variables.TryGetValue(value, out var variable))
        {
            return variable;
        }
        if (value.Producer is not GreenConstant constant)
        {
            throw new InvalidOperationException("A value is used before the node producing it was lowered.");
        }
        var symbol = _module.ConstantSymbol(constant);
        string name = _module.NewVariable();
        string id = _module.Id(_graph.NameOf(value));
        var data = constant.Data!;
        string pointer = data.Bytes.IsEmpty ? "NULL" : symbol.Symbol;
        _module.Define(name, $"odla_CreateConstant({_module.Type(data.ElementType, [.. data.Dimensions])}, {pointer}, {id})");
        variable = new OdlaVariable(name, id, OdlaVariableKind.Constant, _module.Constants.IndexOf(symbol));
        _variables[value] = variable;
        return variable;
    }

    private void PlanOutputs(bool interpret)
    {
        var firstOutputOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int j = 0; j < _graph.Outputs.Length; j++)
        {
            var value = _graph.Outputs[j];
            long bytes = ByteCount(value);
            _variables.TryGetValue(value, out var variable);
            if (variable is null || variable.Kind == OdlaVariableKind.Constant)
            {
                var symbol = _module.ConstantSymbol((GreenConstant)value.Producer!);
                Outputs.Add(new OdlaOutputBinding(j, OdlaOutputKind.CopyOfConstant, null, -1, symbol.Symbol, bytes));
            }
            else if (variable.Kind == OdlaVariableKind.Argument)
            {
                Outputs.Add(new OdlaOutputBinding(j, OdlaOutputKind.CopyOfInput, null, variable.Index, null, bytes));
            }
            else if (firstOutputOf.TryGetValue(variable.Name, out int first))
            {
                Outputs.Add(new OdlaOutputBinding(j, OdlaOutputKind.CopyOfOutput, null, first, null, bytes));
            }
            else
            {
                firstOutputOf[variable.Name] = j;
                _module.Statements.Add($"if (odla_SetValueAsOutput({variable.Name}) != ODLA_SUCCESS) return 1;");
                if (interpret)
                {
                    _module.Statements.Add($"if (odla_BindToOutput({variable.Name}, outputs[{j.ToString(CultureInfo.InvariantCulture)}], ctx) != ODLA_SUCCESS) return 1;");
                }
                Outputs.Add(new OdlaOutputBinding(j, OdlaOutputKind.Bound, variable.Id, -1, null, bytes));
            }
        }
    }

    private static long ByteCount(ValueRef value)
    {
        var type = (Core.IR.Types.TensorType)value.Producer!.OutputTypes[value.Output];
        return Core.IR.Types.ElementTypeExtensions.ByteCount(type.ElementType, type.Shape.ElementCount!.Value);
    }
}
