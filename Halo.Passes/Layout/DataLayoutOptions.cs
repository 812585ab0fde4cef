namespace Halo.Passes.Layout;

/// <summary>Options of <see cref="ReorderDataLayout"/>: HALO's <c>--reorder-data-layout</c>,
/// <c>--remove-input-transpose</c> and <c>--remove-output-transpose</c>.</summary>
public sealed record DataLayoutOptions
{
    /// <summary>The layout the convolution and pooling operations are compiled into.</summary>
    public DataLayout Target { get; init; } = DataLayout.ChannelLast;

    /// <summary>Whether rank-4 graph inputs that only feed transposes into <see cref="Target"/> are declared in
    /// <see cref="Target"/> themselves (their shape changes; the caller supplies transposed data).</summary>
    public bool RemoveInputTranspose { get; init; }

    /// <summary>Whether graph outputs produced by a transpose out of <see cref="Target"/> are given in
    /// <see cref="Target"/> instead (their shape changes).</summary>
    public bool RemoveOutputTranspose { get; init; }
}
