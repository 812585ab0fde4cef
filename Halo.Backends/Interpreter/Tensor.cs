using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;

namespace Halo.Backends.Interpreter;

/// <summary>
/// A dense tensor for the interpreter: an element type, a static shape (row-major, C order) and its
/// elements, held in a pinned buffer (numeric and bool types; the 4-bit types packed two per byte, low
/// nibble first, made with <see cref="FromTensorData"/> and read with <see cref="ToTensorData"/>) or a
/// string array (string tensors).
/// Tensors made by the factory methods and those returned by <see cref="InferenceSession.Run"/> belong to
/// the caller and are never reused by a session. Not thread-safe for concurrent writes; reading from
/// several threads is safe.
/// </summary>
public sealed class Tensor : InferenceValue
{
    private readonly int[] _shape;
    private readonly byte[] _bytes;
    private readonly string[]? _strings;

    internal Tensor(ElementType elementType, int[] shape, byte[] bytes, string[]? strings)
    {
        ElementType = elementType;
        _shape = shape;
        _bytes = bytes;
        _strings = strings;
        Length = ShapeMath.ElementCount(shape);
    }

    /// <summary>The element type.</summary>
    public ElementType ElementType { get; }

    /// <summary>The size of each dimension (empty for a scalar).</summary>
    public ReadOnlySpan<int> Shape => _shape;

    /// <summary>The number of dimensions.</summary>
    public int Rank => _shape.Length;

    /// <summary>The number of elements (the product of <see cref="Shape"/>).</summary>
    public int Length { get; }

    /// <inheritdoc />
    public override IrType Type => new TensorType(ElementType, Halo.Core.IR.Types.Shape.Of([.. _shape.Select(d => (long)d)]));

    internal int[] ShapeArray => _shape;

    internal byte[] Buffer => _bytes;

    internal string[]? StringArray => _strings;

    /// <summary>The address of the first element (buffers live on the pinned object heap).</summary>
    internal unsafe nint Address => (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_bytes));

    /// <summary>Creates a tensor holding a copy of <paramref name="values"/>; the element type follows
    /// <typeparamref name="T"/> (float, double, Half, sbyte, byte, short, ushort, int, uint, long, ulong, bool).</summary>
    /// <exception cref="ArgumentException">The type is not a tensor element type, or the count does not match the shape.</exception>
    public static Tensor Create<T>(ReadOnlySpan<T> values, params ReadOnlySpan<int> shape)
        where T : unmanaged
    {
        var type = ElementTypes.Of<T>();
        var tensor = Zeros(type, shape);
        if (values.Length != tensor.Length)
        {
            throw new ArgumentException($"Expected {tensor.Length} values for shape [{string.Join(",", shape.ToArray())}], got {values.Length}.", nameof(values));
        }
        values.CopyTo(tensor.AsSpan<T>());
        return tensor;
    }

    /// <summary>Creates a tensor of <paramref name="elementType"/> filled with zeros (empty strings for strings).</summary>
    /// <exception cref="ArgumentException">The element type has no interpreter representation, or a size is negative.</exception>
    public static Tensor Zeros(ElementType elementType, params ReadOnlySpan<int> shape)
    {
        int[] dims = shape.ToArray();
        if (dims.Any(d => d < 0))
        {
            throw new ArgumentException("Dimensions must not be negative.", nameof(shape));
        }
        int count = ShapeMath.ElementCount(dims);
        if (elementType == ElementType.String)
        {
            var strings = new string[count];
            Array.Fill(strings, string.Empty);
            return new Tensor(elementType, dims, [], strings);
        }
        return new Tensor(elementType, dims, GC.AllocateArray<byte>(ElementTypes.ByteCount(elementType, count), pinned: true), null);
    }

    /// <summary>Creates a string tensor holding <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException">The count does not match the shape.</exception>
    public static Tensor FromStrings(ReadOnlySpan<string> values, params ReadOnlySpan<int> shape)
    {
        var tensor = Zeros(ElementType.String, shape);
        if (values.Length != tensor.Length)
        {
            throw new ArgumentException($"Expected {tensor.Length} strings, got {values.Length}.", nameof(values));
        }
        values.CopyTo(tensor._strings);
        return tensor;
    }

    /// <summary>Creates a tensor holding a copy of <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentException">The element type has no interpreter representation, or the tensor is too large.</exception>
    public static Tensor FromTensorData(TensorData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Dimensions.Any(d => d > int.MaxValue) || data.ElementCount > int.MaxValue)
        {
            throw new ArgumentException("The tensor is too large for the interpreter.", nameof(data));
        }
        int[] shape = [.. data.Dimensions.Select(d => (int)d)];
        if (data.ElementType == ElementType.String)
        {
            return FromStrings(data.Strings.AsSpan(), shape);
        }
        var tensor = Zeros(data.ElementType, shape);
        data.Bytes.Span.CopyTo(tensor._bytes);
        return tensor;
    }

    /// <summary>A copy of this tensor as IR <see cref="TensorData"/>.</summary>
    public TensorData ToTensorData()
    {
        var dims = ImmutableArray.CreateRange(_shape.Select(d => (long)d));
        return _strings is not null ? TensorData.FromStrings([.. _strings.AsSpan(0, Length)], dims)
            : TensorData.FromBytes(ElementType, dims, _bytes.AsSpan(0, ByteCount).ToArray());
    }

    /// <inheritdoc />
    public override RuntimeValue ToRuntimeValue() => new TensorValue(ToTensorData());

    /// <summary>The elements viewed as <typeparamref name="T"/>, which must have the element type's size.</summary>
    /// <exception cref="InvalidOperationException">A string or 4-bit tensor, or <typeparamref name="T"/> of another size.</exception>
    public Span<T> AsSpan<T>()
        where T : unmanaged
    {
        if (_strings is not null || Unsafe.SizeOf<T>() != ElementTypes.SizeOf(ElementType))
        {
            throw new InvalidOperationException($"A {ElementType.GetName()} tensor cannot be viewed as {typeof(T).Name}.");
        }
        return MemoryMarshal.Cast<byte, T>(_bytes.AsSpan(0, ByteCount));
    }

    /// <summary>A copy of the elements as an array of <typeparamref name="T"/>; see <see cref="AsSpan{T}"/>.</summary>
    public T[] ToArray<T>()
        where T : unmanaged => AsSpan<T>().ToArray();

    /// <summary>The elements of a string tensor.</summary>
    /// <exception cref="InvalidOperationException">The tensor does not hold strings.</exception>
    public ReadOnlySpan<string> GetStrings() => _strings is not null ? _strings.AsSpan(0, Length)
        : throw new InvalidOperationException("The tensor does not hold strings.");

    /// <summary>The number of bytes of the elements (0 for strings).</summary>
    internal int ByteCount => _strings is not null ? 0 : ElementTypes.ByteCount(ElementType, Length);

    /// <inheritdoc />
    internal override Tensor Clone()
    {
        var copy = Zeros(ElementType, _shape);
        if (_strings is not null)
        {
            _strings.AsSpan(0, Length).CopyTo(copy._strings);
        }
        else
        {
            _bytes.AsSpan(0, ByteCount).CopyTo(copy._bytes);
        }
        return copy;
    }

    /// <inheritdoc />
    public override string ToString() => ElementType.GetName() + "[" + string.Join(",", _shape) + "]";
}
