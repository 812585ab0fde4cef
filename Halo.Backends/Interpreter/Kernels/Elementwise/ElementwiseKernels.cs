using System.Numerics;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;

namespace Halo.Backends.Interpreter.Kernels.Elementwise;

/// <summary>Registers Add, Sub, Mul, Div, Relu and Clip for every numeric element type, and the float32 unary
/// functions of <see cref="UnaryFunction"/>.</summary>
internal static class ElementwiseKernels
{
    private static readonly HashSet<ElementType> s_signed = [ElementType.Float, ElementType.Double, ElementType.Float16,
        ElementType.Int8, ElementType.Int16, ElementType.Int32, ElementType.Int64];

    private static readonly (string Operator, UnaryFunction Function)[] s_floatUnary =
    [
        ("Sigmoid", UnaryFunction.Sigmoid), ("Tanh", UnaryFunction.Tanh), ("Exp", UnaryFunction.Exp), ("Log", UnaryFunction.Log),
        ("Sqrt", UnaryFunction.Sqrt), ("Abs", UnaryFunction.Abs), ("Neg", UnaryFunction.Neg), ("Reciprocal", UnaryFunction.Reciprocal),
        ("Sin", UnaryFunction.Sin), ("Cos", UnaryFunction.Cos), ("Floor", UnaryFunction.Floor), ("Ceil", UnaryFunction.Ceil),
        ("Erf", UnaryFunction.Erf), ("Softplus", UnaryFunction.Softplus), ("HardSwish", UnaryFunction.HardSwish),
    ];

    public static void Register(KernelTable.Builder table)
    {
        foreach (var (name, function) in s_floatUnary)
        {
            table.Add(name, c => FloatOnly(c, new UnaryFloatKernel(function)));
        }
        // Pow-1 to 11 broadcast with an axis attribute, like the legacy binary operators; same-type float only.
        table.Add("Pow", c => c.InputType(0) == ElementType.Float && c.InputType(1) == ElementType.Float
            && !(c.SinceVersion < 7 && c.Attributes.ContainsKey("axis"))
            ? new BinaryKernel<float, PowerOperator<float>>() : KernelCreateResult.BadType(c.InputType(1)));
        table.Add("HardSigmoid", c => FloatOnly(c, new UnaryFloatKernel(UnaryFunction.HardSigmoid,
            c.Attributes.GetFloat("alpha", 0.2f), c.Attributes.GetFloat("beta", 0.5f))));
        table.Add("LeakyRelu", c => FloatOnly(c, new UnaryFloatKernel(UnaryFunction.LeakyRelu, c.Attributes.GetFloat("alpha", 0.01f))));
        table.Add("Elu", c => FloatOnly(c, new UnaryFloatKernel(UnaryFunction.Elu, c.Attributes.GetFloat("alpha", 1f))));
        table.Add("Gelu", c => FloatOnly(c, new UnaryFloatKernel(
            c.Attributes.GetString("approximate", "none") == "tanh" ? UnaryFunction.GeluTanh : UnaryFunction.Gelu)));
        table.Add("Add", c => Binary(c, new AddFactory()));
        table.Add("Sub", c => Binary(c, new SubtractFactory()));
        table.Add("Mul", c => Binary(c, new MultiplyFactory()));
        table.Add("Div", c => Binary(c, new DivideFactory()));
        table.Add("Relu", c => NumericDispatch.Create(c.InputType(0), c.SinceVersion >= 14 ? s_signed : NumericDispatch.Floating, new ReluFactory()));
        table.Add("Clip", c => NumericDispatch.Create(c.InputType(0), c.SinceVersion >= 12 ? NumericDispatch.AllNumeric : NumericDispatch.Floating,
            new ClipFactory(c.Attributes, c.SinceVersion < 11)));
    }

    // The unary kernels are float32 only; other element types run through the reference semantics.
    private static KernelCreateResult FloatOnly(KernelCreateContext context, Kernel kernel) =>
        context.InputType(0) == ElementType.Float ? kernel : KernelCreateResult.BadType(context.InputType(0));

    private static KernelCreateResult Binary(KernelCreateContext context, INumericKernelFactory factory)
    {
        if (context.SinceVersion < 7 && context.Attributes.GetInt("broadcast", 0) != 0 && context.Attributes.ContainsKey("axis"))
        {
            return KernelCreateResult.Unsupported("legacy broadcasting with an 'axis' attribute (opset < 7)");
        }
        return NumericDispatch.Create(context.InputType(0), NumericDispatch.AllNumeric, factory);
    }

    private sealed class AddFactory : INumericKernelFactory
    {
        public Kernel Create<T>()
            where T : unmanaged, INumber<T>, IMinMaxValue<T> => new BinaryKernel<T, AddOperator<T>>();
    }

    private sealed class SubtractFactory : INumericKernelFactory
    {
        public Kernel Create<T>()
            where T : unmanaged, INumber<T>, IMinMaxValue<T> => new BinaryKernel<T, SubtractOperator<T>>();
    }

    private sealed class MultiplyFactory : INumericKernelFactory
    {
        public Kernel Create<T>()
            where T : unmanaged, INumber<T>, IMinMaxValue<T> => new BinaryKernel<T, MultiplyOperator<T>>();
    }

    private sealed class DivideFactory : INumericKernelFactory
    {
        public Kernel Create<T>()
            where T : unmanaged, INumber<T>, IMinMaxValue<T> => new BinaryKernel<T, DivideOperator<T>>();
    }

    private sealed class ReluFactory : INumericKernelFactory
    {
        public Kernel Create<T>()
            where T : unmanaged, INumber<T>, IMinMaxValue<T> => new ReluKernel<T>();
    }

    private sealed class ClipFactory(AttributeMap attributes, bool fromAttributes) : INumericKernelFactory
    {
        public Kernel Create<T>()
            where T : unmanaged, INumber<T>, IMinMaxValue<T> => new ClipKernel<T>(attributes, fromAttributes);
    }
}
