namespace Halo.Backends.Odla.Lowering;

/// <summary>Lowers one operation to ODLA calls through <paramref name="context"/>; returns false after reporting
/// (through <see cref="LoweringContext.Unsupported"/>) a form it cannot lower.</summary>
internal delegate bool OdlaLowering(LoweringContext context);
