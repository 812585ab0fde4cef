using Halo.Core.Compilation;
using Halo.Frontends.Onnx;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the ONNX frontend to Halo.</summary>
public static class OnnxHaloBuilderExtensions
{
    /// <summary>Registers the ONNX importer (<c>.onnx</c> files) as an <see cref="IModelImporter"/>, using the
    /// container's <c>OperatorRegistry</c>. Idempotent.</summary>
    public static IHaloBuilder AddOnnx(this IHaloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IModelImporter, OnnxImporter>());
        return builder;
    }
}
