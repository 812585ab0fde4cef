using System.Globalization;

namespace Halo.Odla.Native.Toolchain;

/// <summary>Builds the argument lists of the GCC/Clang driver (one argv entry each, never a shell string).</summary>
internal static class CompilerArguments
{
    public static List<string> ForCompile(CompilerDriver driver, SourceLanguage language, string source, string objectPath, CompilerOptions options)
    {
        var args = new List<string>(driver.LeadingArguments);
        // -x: the driver may be g++ compiling a .c file (or gcc a .cc file); the extension alone does not decide.
        args.Add("-x");
        args.Add(language == SourceLanguage.C ? "c" : "c++");
        args.Add("-std=" + (language == SourceLanguage.C ? options.CStandard : options.CxxStandard));
        args.Add("-O" + Math.Clamp(options.OptimizationLevel, 0, 3).ToString(CultureInfo.InvariantCulture));
        args.Add("-fdiagnostics-color=never");
        if (options.PositionIndependent)
        {
            args.Add("-fPIC");
        }
        if (options.Warnings)
        {
            args.Add("-Wall");
            args.Add("-Wextra");
        }
        if (options.WarningsAsErrors)
        {
            args.Add("-Werror");
        }
        if (options.DebugInformation)
        {
            args.Add("-g");
        }
        args.AddRange(options.IncludeDirectories.Select(d => "-I" + d));
        args.AddRange(options.Defines.Select(d => "-D" + d));
        args.AddRange(options.ExtraArguments);
        args.AddRange(["-c", source, "-o", objectPath]);
        return args;
    }

    public static List<string> ForLink(CompilerDriver driver, IEnumerable<string> objects, string outputPath, NativeOutputKind kind,
        LinkOptions options, bool needsCxxRuntime)
    {
        var args = new List<string>(driver.LeadingArguments);
        if (kind == NativeOutputKind.SharedLibrary)
        {
            args.Add("-shared");
        }
        args.AddRange(objects);
        args.Add("-o");
        args.Add(outputPath);
        args.AddRange(options.LibraryDirectories.Select(d => "-L" + d));
        // "$ORIGIN" travels literally: there is no shell to expand it, and the dynamic loader resolves it.
        args.AddRange(options.RunPaths.Select(p => "-Wl,-rpath," + p));
        args.AddRange(options.Libraries.Select(l => "-l" + l));
        args.AddRange(options.ExtraArguments);
        if (needsCxxRuntime && !driver.IsCxxDriver)
        {
            // A C driver (gcc, clang) linking C++ objects does not add the C++ standard library by itself.
            args.Add("-lstdc++");
        }
        return args;
    }
}
