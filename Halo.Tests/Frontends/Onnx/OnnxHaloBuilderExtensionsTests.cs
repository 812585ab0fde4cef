using Halo.Core.Compilation;
using Halo.Frontends.Onnx;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace Halo.Tests.Frontends.Onnx;

[TestFixture]
public sealed class OnnxHaloBuilderExtensionsTests
{
    [Test]
    public void AddOnnx_Twice_RegistersOneOnnxImporter()
    {
        var services = new ServiceCollection();
        services.AddHalo(halo => halo.AddOnnx().AddOnnx());
        using var provider = services.BuildServiceProvider();

        var importers = provider.GetServices<IModelImporter>().ToList();

        Assert.That(importers, Has.Count.EqualTo(1));
        Assert.That(importers[0], Is.InstanceOf<OnnxImporter>());
        Assert.That(importers[0].Format, Is.EqualTo("onnx"));
    }
}
