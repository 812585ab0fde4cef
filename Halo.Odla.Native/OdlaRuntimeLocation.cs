namespace Halo.Odla.Native;

/// <summary>
/// The files of one ODLA runtime: the include directory to compile generated ODLA code against and the shared
/// library to link and load it with.
/// </summary>
/// <param name="RuntimeName">The runtime's short name, e.g. <c>reference</c> for <c>libodla_reference.so</c>.</param>
/// <param name="IncludeDirectory">
/// Absolute path of the directory that holds <c>ODLA/odla.h</c> (pass it as <c>-I</c>; sources include
/// <c>&lt;ODLA/odla.h&gt;</c>).
/// </param>
/// <param name="LibraryPath">Absolute path of the runtime's shared library, e.g. <c>…/libodla_reference.so</c>.</param>
public sealed record OdlaRuntimeLocation(string RuntimeName, string IncludeDirectory, string LibraryPath)
{
    /// <summary>The directory that holds <see cref="LibraryPath"/> (pass it as <c>-L</c> and as the run-time search path).</summary>
    public string LibraryDirectory => Path.GetDirectoryName(LibraryPath)!;
}
