namespace Halo.Odla.Native.Toolchain;

/// <summary>Maps file names to <see cref="SourceLanguage"/>.</summary>
internal static class SourceLanguages
{
    public static SourceLanguage Of(string path)
    {
        string extension = Path.GetExtension(path);
        return extension switch
        {
            ".c" => SourceLanguage.C,
            ".cc" or ".cpp" or ".cxx" or ".c++" or ".C" => SourceLanguage.Cxx,
            _ => SourceLanguage.Unknown,
        };
    }
}
