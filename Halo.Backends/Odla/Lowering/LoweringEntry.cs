namespace Halo.Backends.Odla.Lowering;

/// <summary>One row of the lowering table.</summary>
/// <param name="Domain">The operator domain (empty for ONNX's default domain).</param>
/// <param name="Name">The operator name.</param>
/// <param name="MinVersion">The lowest since-version handled.</param>
/// <param name="MaxVersion">The highest since-version handled.</param>
/// <param name="Lowering">The lowering.</param>
internal sealed record LoweringEntry(string Domain, string Name, int MinVersion, int MaxVersion, OdlaLowering Lowering);
