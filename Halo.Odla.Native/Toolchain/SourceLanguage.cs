namespace Halo.Odla.Native.Toolchain;

/// <summary>The language of a source file, from its extension.</summary>
internal enum SourceLanguage
{
    /// <summary>Not a source file the toolchain compiles.</summary>
    Unknown,
    /// <summary>C (<c>.c</c>).</summary>
    C,
    /// <summary>C++ (<c>.cc</c>, <c>.cpp</c>, <c>.cxx</c>, <c>.c++</c>, <c>.C</c>).</summary>
    Cxx,
}
