using Halo.Core.IR.Types;

namespace Halo.Backends.Odla.Lowering;

internal static partial class NormalizationCompositeLowerings
{
    /// <summary>The input in the computation type and the reduction over the normalized axes (kept as size 1).</summary>
    private sealed class Prepared
    {
        private readonly LoweringContext _context;
        private readonly string _axes;
        private readonly string _reducedShape;
        private readonly int _axisCount;

        /// <param name="context">The node being lowered.</param>
        /// <param name="axes">The normalized axes, ascending.</param>
        /// <param name="compute">The computation type; by default the input's, float32 for 16-bit floats.</param>
        public Prepared(LoweringContext context, long[] axes, ElementType? compute = null)
        {
            _context = context;
            var input = context.InputType(0).ElementType;
            // The 16-bit floats are computed in float32 (the runtime may lack their kernels; ONNX stashes in float32 too).
            Compute = compute ?? (input is ElementType.Float16 or ElementType.BFloat16 ? ElementType.Float : input);
            X = context.CastIfNeeded(context.Value(0), input, Compute);
            var reduced = context.InputShape(0);
            foreach (long axis in axes)
            {
                reduced[axis] = 1;
            }
            _axisCount = axes.Length;
            _axes = context.Module.UInt32Array(axes);
            _reducedShape = context.Module.Shape(reduced);
        }

        /// <summary>The element type the statistics are computed in.</summary>
        public ElementType Compute { get; }

        /// <summary>Operand 0 in <see cref="Compute"/>.</summary>
        public string X { get; }

        /// <summary>The arguments of <c>odla_ReduceMean</c> of <paramref name="variable"/> before the id.</summary>
        public string ReduceArguments(string variable) =>
            $"{variable}, {LoweringContext.I(_axisCount)}, {_axes}, 1, {_reducedShape}";

        /// <summary>Operand <paramref name="index"/> in <see cref="Compute"/>.</summary>
        public string Operand(int index) =>
            _context.CastIfNeeded(_context.Value(index), _context.InputType(index).ElementType, Compute);
    }
}
