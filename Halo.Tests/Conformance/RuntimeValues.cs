using System.Collections.Immutable;

namespace Halo.Tests.Conformance;

/// <summary>Helpers over the ONNX backend-test layout.</summary>
internal static class RuntimeValues
{
    /// <summary>The <c>test_data_set_N</c> folders of a case, in order.</summary>
    public static ImmutableArray<string> DataSets(string caseDir) =>
        [.. Directory.GetDirectories(caseDir, "test_data_set_*").Order(StringComparer.Ordinal)];
}
