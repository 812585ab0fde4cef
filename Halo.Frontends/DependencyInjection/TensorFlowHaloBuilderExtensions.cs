using Halo.Core.Compilation;
using Halo.Frontends.TensorFlow;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the TensorFlow frontend to Halo.</summary>
public static class TensorFlowHaloBuilderExtensions
{
    /// <summary>Registers the TensorFlow GraphDef importer (<c>.pb</c> files, format <c>tf</c>) as an
    /// <see cref="IModelImporter"/>, using the container's <c>OperatorRegistry</c>. Idempotent.</summary>
    public static IHaloBuilder AddTensorFlow(this IHaloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IModelImporter, TensorFlowImporter>());
        return builder;
    }
}
