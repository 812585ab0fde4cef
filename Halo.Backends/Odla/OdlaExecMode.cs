namespace Halo.Backends.Odla;

/// <summary>How the generated code drives the ODLA runtime.</summary>
public enum OdlaExecMode
{
    /// <summary>The computation is built once (<c>NAME_init</c>) and executed on every call.</summary>
    Compile = 0,
    /// <summary>Every call creates the computation with its inputs bound, executes it and destroys it.</summary>
    Interpret = 1,
}
