using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Attributes;

namespace Halo.Backends.Interpreter.Kernels.Movement;

/// <summary>Constant: the value from whichever value attribute is set, materialized once per session.</summary>
internal sealed class ConstantKernel(Tensor value) : Kernel, IConstantKernel
{
    public Tensor Value { get; } = value;

    public static void Register(KernelTable.Builder table) => table.Add("Constant", Create);

    public override void Execute(KernelContext context) => ElementCopy.CopyAs(context, Value, Value.ShapeArray);

    private static KernelCreateResult Create(KernelCreateContext context)
    {
        var a = context.Attributes;
        TensorData? data = null;
        if (a.TryGetValue("value", out var v) && v.Kind == AttributeKind.Tensor)
        {
            data = v.AsTensor();
        }
        else if (a.TryGetValue("value_float", out v))
        {
            data = TensorData.FromFloats([v.AsFloat()]);
        }
        else if (a.TryGetValue("value_floats", out v))
        {
            data = TensorData.FromFloats(v.AsFloats().AsSpan(), v.AsFloats().Length);
        }
        else if (a.TryGetValue("value_int", out v))
        {
            data = TensorData.FromInt64s([v.AsInt()]);
        }
        else if (a.TryGetValue("value_ints", out v))
        {
            data = TensorData.FromInt64s(v.AsInts().AsSpan(), v.AsInts().Length);
        }
        else if (a.TryGetValue("value_string", out v))
        {
            data = TensorData.FromStrings([v.AsString()], ImmutableArray<long>.Empty);
        }
        else if (a.TryGetValue("value_strings", out v))
        {
            data = TensorData.FromStrings(v.AsStrings(), [v.AsStrings().Length]);
        }
        return data is not null && ElementTypes.IsSupported(data.ElementType) ? new ConstantKernel(Tensor.FromTensorData(data))
            : KernelCreateResult.Unsupported("only dense 'value' and value_* attributes of byte-sized or string types are supported");
    }
}
