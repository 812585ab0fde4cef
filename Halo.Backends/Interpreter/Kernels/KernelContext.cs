using Halo.Backends.Interpreter.Runtime;
using Halo.Backends.Interpreter.Threading;
using Halo.Core.IR.Types;

namespace Halo.Backends.Interpreter.Kernels;

/// <summary>
/// One run's view of the node being executed: its input tensors, the slots for its outputs, the run's
/// buffer pool and the session's worker pool. Owned by one run; not thread-safe, but kernels may read it
/// from their own parallel loops.
/// </summary>
internal sealed class KernelContext(BufferPool pool, WorkerPool workers)
{
    private InferenceValue?[] _inputs = [];
    private InferenceValue?[] _outputs = [];

    /// <summary>The threads kernels split their loops over (<see cref="WorkerPool.For{TBody}"/>).</summary>
    public WorkerPool Workers { get; } = workers;

    /// <summary>The maximum number of threads a kernel may use.</summary>
    public int DegreeOfParallelism => Workers.Threads;

    /// <summary>The number of operands (omitted optional ones included).</summary>
    public int InputCount => _inputs.Length;

    /// <summary>The number of output slots.</summary>
    public int OutputCount => _outputs.Length;

    internal BufferPool Pool => pool;

    internal void Bind(InferenceValue?[] inputs, InferenceValue?[] outputs)
    {
        _inputs = inputs;
        _outputs = outputs;
    }

    /// <summary>Operand <paramref name="index"/>.</summary>
    /// <exception cref="InvalidOperationException">The operand is absent.</exception>
    public Tensor Input(int index) => OptionalInput(index)
        ?? throw new InvalidOperationException($"Required operand {index} is missing.");

    /// <summary>Operand <paramref name="index"/>, or null when omitted.</summary>
    /// <exception cref="InvalidOperationException">The operand is a sequence or an optional.</exception>
    public Tensor? OptionalInput(int index) => InputValue(index) switch
    {
        null => null,
        Tensor tensor => tensor,
        var other => throw new InvalidOperationException($"Operand {index} is a {other.Type}, not a tensor."),
    };

    /// <summary>Operand <paramref name="index"/> of any kind (tensor, sequence, optional), or null when omitted.</summary>
    public InferenceValue? InputValue(int index) => index < _inputs.Length ? _inputs[index] : null;

    /// <summary>Sets output <paramref name="index"/> to a value the kernel made itself (not from the pool).</summary>
    public void SetOutputValue(int index, InferenceValue value)
    {
        if (index < _outputs.Length)
        {
            _outputs[index] = value;
        }
    }

    /// <summary>Allocates output <paramref name="index"/> from the run's pool (contents unspecified).</summary>
    public Tensor AllocateOutput(int index, ElementType type, int[] shape)
    {
        var tensor = Allocate(type, shape);
        if (index < _outputs.Length)
        {
            _outputs[index] = tensor;
        }
        else
        {
            Release(tensor);
        }
        return tensor;
    }

    /// <summary>Makes output <paramref name="index"/> a view of <paramref name="source"/>'s elements with another
    /// shape (no copy). Only kernels marked <see cref="IAliasingKernel"/> may do this: the plan then keeps the
    /// source's buffer alive as long as the view.</summary>
    /// <exception cref="InvalidOperationException">The element counts differ.</exception>
    public Tensor SetOutputView(int index, Tensor source, int[] shape)
    {
        if (ShapeMath.ElementCount(shape) != source.Length)
        {
            throw new InvalidOperationException($"Cannot view {ShapeMath.Format(source.Shape)} as {ShapeMath.Format(shape)}.");
        }
        var view = new Tensor(source.ElementType, shape, source.Buffer, source.StringArray);
        if (index < _outputs.Length)
        {
            _outputs[index] = view;
        }
        return view;
    }

    /// <summary>A pooled scratch tensor; give it back with <see cref="Release"/> before the kernel returns.</summary>
    public Tensor Allocate(ElementType type, int[] shape)
    {
        int count = ShapeMath.ElementCount(shape);
        if (type == ElementType.String)
        {
            return new Tensor(type, shape, [], new string[count]);
        }
        return new Tensor(type, shape, pool.Rent(ElementTypes.ByteCount(type, count)), null);
    }

    /// <summary>Returns a pooled tensor's buffer.</summary>
    public void Release(Tensor tensor) => pool.Return(tensor.Buffer);
}
