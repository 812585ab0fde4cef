using System.Collections.Immutable;
using Halo.Core.Diagnostics;
using Halo.Core.IR;
using Halo.Core.Operators;
using Halo.Core.Semantics;
using Halo.Passes.Shapes;

namespace Halo.Cli.Execution;

/// <summary>
/// A model whose inputs keep dynamic dimensions after the batch is pinned (a sequence length, an image size):
/// ODLA code needs static shapes, so each distinct set of input shapes met at run time is pinned, generated,
/// built and loaded once, as <c>halo compile --input-shape</c> would do, and kept for later runs.
/// </summary>
internal sealed class ShapeSpecializingOdlaModel(HaloModel model, string name, OperatorRegistry registry, OdlaBuildSettings settings)
    : IPreparedModel
{
    private readonly Dictionary<string, IPreparedModel> _built = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Whether every input of <paramref name="graph"/> is a tensor of static shape.</summary>
    public static bool IsStatic(Graph graph) =>
        graph.Inputs.All(input => input.Type is Core.IR.Types.TensorType t && t.Shape.IsStatic);

    public ImmutableArray<RuntimeValue> Run(IReadOnlyList<RuntimeValue> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var graph = model.Graph;
        var shapes = ImmutableArray.CreateBuilder<InputShape>(graph.Inputs.Length);
        for (int i = 0; i < graph.Inputs.Length; i++)
        {
            string inputName = graph.NameOf(graph.Inputs[i].Output(0)) ?? "input" + i;
            if (i >= inputs.Count || inputs[i] is not TensorValue tensor)
            {
                throw new EvaluationException($"Input '{inputName}' must be a tensor to specialize the ODLA code to its shape");
            }
            shapes.Add(new InputShape(inputName, tensor.Data.Dimensions));
        }
        string key = string.Join(";", shapes);
        IPreparedModel prepared;
        lock (_gate)
        {
            if (!_built.TryGetValue(key, out prepared!))
            {
                prepared = Build(shapes.ToImmutable());
                _built[key] = prepared;
            }
        }
        return prepared.Run(inputs);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var prepared in _built.Values)
            {
                prepared.Dispose();
            }
            _built.Clear();
        }
    }

    private IPreparedModel Build(ImmutableArray<InputShape> shapes)
    {
        var diagnostics = new DiagnosticBag();
        var pinned = OdlaInputPinning.Pin(model, registry, diagnostics, new InputShapeOptions { Shapes = shapes });
        var prepared = pinned is null
            ? null
            : OdlaModelBatch.Build([new OdlaBatchModel(name, pinned.Graph)], registry, settings).Prepare(0, diagnostics);
        return prepared ?? throw new EvaluationException(
            $"ODLA code for input shapes {string.Join(", ", shapes)}: " + diagnostics.ToImmutable().First(d => d.IsError));
    }
}
