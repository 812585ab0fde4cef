using System.Collections.Immutable;
using Halo.Backends.Diagnostics;
using Halo.Backends.Interpreter.Kernels;
using Halo.Backends.Interpreter.Kernels.Nn;
using Halo.Core.Diagnostics;
using Halo.Core.IR;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;

namespace Halo.Backends.Interpreter.Planning;

/// <summary>
/// Compiles a <see cref="Graph"/> into an <see cref="ExecutionPlan"/>: assigns slots, creates every node's
/// kernel, materializes constants and computes the last use of each intermediate. Every node that cannot
/// run is reported (all at once); no plan is returned then. Relu/Clip after a Conv become the Conv's
/// epilogue (<see cref="ActivationFusion"/>), and the outputs of aliasing kernels (<see cref="IAliasingKernel"/>)
/// share their input's buffer.
/// </summary>
internal sealed class PlanBuilder(Graph graph, KernelTable kernels, string? sourcePath)
{
    private readonly Dictionary<ValueRef, int> _slots = [];
    private readonly List<Tensor?> _constants = [];
    private readonly List<bool> _pooled = [];
    private readonly List<(PlanStep Step, int Index)> _steps = [];
    private readonly DiagnosticBag _diagnostics = new();
    private readonly Dictionary<GreenOp, GreenOp> _fusedActivations = [];
    private readonly Dictionary<int, int> _aliasRoots = [];
    private Dictionary<GreenOp, ActivationFusion.Candidate> _fusionCandidates = [];

    /// <summary>The plan, or null with the errors in <paramref name="diagnostics"/>.</summary>
    public ExecutionPlan? Build(out ImmutableArray<Diagnostic> diagnostics)
    {
        var order = graph.TopologicalOrder;
        _fusionCandidates = ActivationFusion.Find(graph);
        for (int index = 0; index < order.Length; index++)
        {
            AddNode(order[index], index);
        }
        var inputs = graph.Inputs.Select((input, i) => MakeValue(input.Output(0), "input_" + i)).ToArray();
        var outputs = graph.Outputs.Select((output, i) => MakeValue(output, "output_" + i)).ToArray();
        diagnostics = _diagnostics.ToImmutable();
        if (diagnostics.Any(d => d.IsError))
        {
            return null;
        }
        var steps = ComputeReleases(outputs);
        return new ExecutionPlan(_constants.Count, [.. _constants], [.. _pooled], steps, inputs, outputs);
    }

    private PlanValue MakeValue(ValueRef value, string fallbackName)
    {
        string name = graph.NameOf(value) ?? fallbackName;
        var type = value.Type;
        if (!ValueTypes.CanHold(type))
        {
            _diagnostics.Report(BackendDiagnostics.UnsupportedValue, ModelLocation.OfFile(sourcePath), name, type, ValueTypes.Holdable);
        }
        return new PlanValue(name, _slots.TryGetValue(value, out int slot) ? slot : -1, type);
    }

    private int NewSlot(ValueRef value, Tensor? constant, bool pooled)
    {
        int slot = _constants.Count;
        _slots[value] = slot;
        _constants.Add(constant);
        _pooled.Add(pooled);
        return slot;
    }

    private void AddNode(GreenNode node, int index)
    {
        switch (node)
        {
            case GreenInput input:
                NewSlot(input.Output(0), null, pooled: false);
                break;
            case GreenConstant { Data: { } data } constant when ElementTypes.IsSupported(data.ElementType):
                NewSlot(constant.Output(0), Tensor.FromTensorData(data), pooled: false);
                break;
            case GreenOp op:
                AddOp(op, index);
                break;
            default:
                _diagnostics.Report(BackendDiagnostics.UnsupportedValue, LocationOf(node, index, null), "#" + index,
                    node.OutputTypes[0], "sparse constants, unusual element types and captured outer values are not supported");
                break;
        }
    }

    private void AddOp(GreenOp op, int index)
    {
        if (_fusedActivations.TryGetValue(op, out var conv))
        {
            // The Conv kernel applies this activation; its output is the activation's value.
            _slots[op.Output(0)] = _slots[conv.Output(0)];
            return;
        }
        string label = graph.NodeNameOf(op) ?? op.Operator.Name + " #" + index;
        if (!CanHoldValuesOf(op, index, label))
        {
            return;
        }
        var kernel = CreateKernel(op, index, label);
        if (kernel is ConvKernel convKernel && _fusionCandidates.TryGetValue(op, out var fused))
        {
            kernel = convKernel.WithActivation(fused.Low, fused.High);
            _fusedActivations[fused.Activation] = op;
        }
        if (kernel is IConstantKernel constant)
        {
            NewSlot(op.Output(0), constant.Value, pooled: false);
            return;
        }
        // Implicit inputs (values the node's subgraphs capture) follow the operands, so they stay alive until it runs.
        int[] inputs = [.. op.Dependencies.Select(v => v.IsNone ? -1 : _slots.GetValueOrDefault(v, -1))];
        bool alias = kernel is IAliasingKernel && inputs.Length > 0 && inputs[0] >= 0;
        int[] outputs = [.. Enumerable.Range(0, op.OutputTypes.Length).Select(i => NewSlot(op.Output(i), null, pooled: !alias || i > 0))];
        if (alias)
        {
            _aliasRoots[outputs[0]] = _aliasRoots.GetValueOrDefault(inputs[0], inputs[0]);
        }
        if (kernel is not null)
        {
            _steps.Add((new PlanStep(kernel, inputs, outputs, [], label), index));
        }
    }

    private Kernel? CreateKernel(GreenOp op, int index, string label)
    {
        var id = op.Operator;
        var location = LocationOf(op, index, label);
        // Fast kernels take dense byte-sized tensors only; sequences, optionals and 4-bit tensors go to the reference semantics.
        bool dense = op.Inputs.All(v => v.IsNone || ValueTypes.IsDenseTensor(v.Type)) && op.OutputTypes.All(ValueTypes.IsDenseTensor);
        if (!dense || kernels.Find(id) is not { } factory)
        {
            if (ReferenceSemanticsKernel.CanRun(op, out var schema))
            {
                // No fast kernel: run the operator's reference semantics (exact, slower).
                return new ReferenceSemanticsKernel(schema!, op, OuterNames(op));
            }
            _diagnostics.Report(BackendDiagnostics.UnsupportedOperator, location, id.Name, id.Domain, id.SinceVersion, label);
            return null;
        }
        KernelCreateResult result;
        try
        {
            result = factory(new KernelCreateContext(op));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or OverflowException)
        {
            result = KernelCreateResult.Unsupported(e.Message);
        }
        if (result.Kernel is null && ReferenceSemanticsKernel.CanRun(op, out var fallback))
        {
            // The fast kernel lacks this element type or attribute form: the reference semantics cover it.
            return new ReferenceSemanticsKernel(fallback!, op, OuterNames(op));
        }
        if (result.UnsupportedType is { } type)
        {
            _diagnostics.Report(BackendDiagnostics.UnsupportedElementType, location, id.Name, label, type.GetName());
        }
        else if (result.UnsupportedFeature is { } reason)
        {
            _diagnostics.Report(BackendDiagnostics.UnsupportedFeature, location, id.Name, label, reason);
        }
        return result.Kernel;
    }

    /// <summary>Reports (HALO4005) every operand or result of <paramref name="op"/> whose type no interpreter value can hold.</summary>
    private bool CanHoldValuesOf(GreenOp op, int index, string label)
    {
        var types = op.Inputs.Where(v => !v.IsNone).Select(v => v.Type).Concat(op.OutputTypes);
        bool ok = true;
        foreach (var type in types.Where(t => !ValueTypes.CanHold(t)).Distinct())
        {
            _diagnostics.Report(BackendDiagnostics.UnsupportedValueType, LocationOf(op, index, label), op.Operator.Name, label, type, ValueTypes.Holdable);
            ok = false;
        }
        return ok;
    }

    /// <summary>The names by which the node's subgraphs capture its implicit inputs.</summary>
    private string[] OuterNames(GreenOp op) => [.. op.ImplicitInputs.Select(v => graph.NameOf(v) ?? string.Empty)];

    private ModelLocation LocationOf(GreenNode node, int index, string? label)
    {
        var location = graph.LocationOf(node);
        if (ReferenceEquals(location, ModelLocation.None) || location.NodeName is null && location.Operator is null)
        {
            return ModelLocation.OfNode(sourcePath, graph.NodeNameOf(node) ?? label, (node as GreenOp)?.Operator.Name, index);
        }
        return location.FilePath is null ? location with { FilePath = sourcePath } : location;
    }

    private PlanStep[] ComputeReleases(PlanValue[] outputs)
    {
        // Liveness: a pooled value dies after its last consumer (or right after its producer when nothing
        // reads it); graph outputs live to the end of the run. A view's uses count as uses of the buffer it
        // shares, so that buffer lives as long as its last view.
        var lastUse = new int[_constants.Count];
        Array.Fill(lastUse, -1);
        for (int s = 0; s < _steps.Count; s++)
        {
            foreach (int slot in _steps[s].Step.OutputSlots.Concat(_steps[s].Step.InputSlots.Where(i => i >= 0)))
            {
                int root = _aliasRoots.GetValueOrDefault(slot, slot);
                lastUse[root] = Math.Max(lastUse[root], s);
            }
        }
        foreach (var output in outputs.Where(o => o.Slot >= 0))
        {
            lastUse[_aliasRoots.GetValueOrDefault(output.Slot, output.Slot)] = int.MaxValue;
        }
        var releases = new List<int>[_steps.Count];
        for (int slot = 0; slot < lastUse.Length; slot++)
        {
            if (_pooled[slot] && lastUse[slot] >= 0 && lastUse[slot] < _steps.Count)
            {
                (releases[lastUse[slot]] ??= []).Add(slot);
            }
        }
        return [.. _steps.Select((s, i) => s.Step with { ReleaseAfter = releases[i]?.ToArray() ?? [] })];
    }
}
