using Halo.Backends.Interpreter.Kernels.Elementwise;
using Halo.Backends.Interpreter.Kernels.Linear;
using Halo.Backends.Interpreter.Kernels.Movement;
using Halo.Backends.Interpreter.Kernels.Nn;
using Halo.Backends.Interpreter.Kernels.Reduction;

namespace Halo.Backends.Interpreter.Kernels;

/// <summary>Builds the interpreter's built-in kernel table: each kernel family registers itself.</summary>
internal static class DefaultKernels
{
    public static KernelTable Build()
    {
        var table = new KernelTable.Builder();
        ElementwiseKernels.Register(table);
        GemmKernel.Register(table);
        MatMulKernel.Register(table);
        ConvKernel.Register(table);
        PoolKernels.Register(table);
        SoftmaxKernel.Register(table);
        BatchNormalizationKernel.Register(table);
        LayerNormalizationKernel.Register(table);
        ReductionKernels.Register(table);
        IdentityKernel.Register(table);
        ReshapeKernel.Register(table);
        FlattenKernel.Register(table);
        SqueezeKernel.Register(table);
        ShapeKernel.Register(table);
        ConcatKernel.Register(table);
        TransposeKernel.Register(table);
        GatherKernel.Register(table);
        SliceKernel.Register(table);
        ConstantKernel.Register(table);
        return table.Build();
    }
}
