namespace Halo.Backends.Odla;

/// <summary>The language of the generated ODLA code.</summary>
public enum OdlaTarget
{
    /// <summary>C++17 (<c>--target cxx</c>, a <c>.cc</c> file).</summary>
    Cxx = 0,
    /// <summary>C99 (<c>--target cc</c>, a <c>.c</c> file).</summary>
    C = 1,
}
