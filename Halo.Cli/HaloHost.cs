using Halo.Core.Compilation;
using Microsoft.Extensions.DependencyInjection;

namespace Halo.Cli;

/// <summary>Composes the platform for the command line: every frontend and the standard passes.</summary>
internal static class HaloHost
{
    public static CompilationPipeline CreatePipeline()
    {
        var services = new ServiceCollection();
        services.AddHalo(halo => halo.AddOnnx().AddTensorFlow().AddStandardPasses());
        return services.BuildServiceProvider().GetRequiredService<CompilationPipeline>();
    }
}
