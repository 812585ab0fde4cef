namespace Halo.Backends.Odla.Emit;

/// <summary>Where an ODLA value of the generated code comes from.</summary>
internal enum OdlaVariableKind
{
    /// <summary>A graph input (<c>odla_CreateArgument</c>).</summary>
    Argument,
    /// <summary>A constant (<c>odla_CreateConstant</c> over weights data).</summary>
    Constant,
    /// <summary>The result of an ODLA operation.</summary>
    Computed,
}
