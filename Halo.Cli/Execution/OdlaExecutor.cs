using Halo.Core.Diagnostics;
using Halo.Core.IR;
using Halo.Core.Operators;

namespace Halo.Cli.Execution;

/// <summary>
/// The <c>odla-reference</c> backend: generates ODLA C++ (or C) code for the model, compiles and links it with the
/// reference runtime (<c>libodla_reference.so</c>) into a shared library (cached by content), loads it and runs it.
/// An unknown batch is pinned to 1 first, as <c>halo compile</c> does (<see cref="OdlaInputPinning"/>); inputs that
/// still have dynamic dimensions are specialized to the shapes of the data they are run with
/// (<see cref="ShapeSpecializingOdlaModel"/>).
/// Unsupported operators (HALO4101), compiler errors (HALO5002, with the compiler's message), link and load failures
/// are diagnostics.
/// </summary>
/// <param name="registry">The operator registry (for re-inferring types before code generation).</param>
/// <param name="settings">How to generate and build; null for C++ with the defaults.</param>
internal sealed class OdlaExecutor(OperatorRegistry registry, OdlaBuildSettings? settings = null) : IModelExecutor
{
    public const string BackendName = "odla-reference";

    public string Name => BackendName;

    public OdlaBuildSettings Settings { get; } = settings ?? new OdlaBuildSettings();

    public IPreparedModel? Prepare(HaloModel model, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (OdlaInputPinning.Pin(model, registry, diagnostics) is not { } pinned)
        {
            return null;
        }
        string name = string.IsNullOrEmpty(model.Graph.Name) ? "model" : model.Graph.Name;
        if (!ShapeSpecializingOdlaModel.IsStatic(pinned.Graph))
        {
            return new ShapeSpecializingOdlaModel(pinned, name, registry, Settings);
        }
        return OdlaModelBatch.Build([new OdlaBatchModel(name, pinned.Graph)], registry, Settings).Prepare(0, diagnostics);
    }
}
