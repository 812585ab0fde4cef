namespace Halo.Tests.Odla.Native.Toolchain;

/// <summary>Hand-written C sources that follow the generated-model entry contract (NAME_init, NAME_run, NAME_fini).</summary>
internal static class DemoSources
{
    /// <summary>
    /// demo_run: out[i] = a[i] + b[i] for 4 floats; returns 7 when a[0] is negative (a failed "ODLA call") and 9 when
    /// demo_init was not called. demo_fini writes FINI_MARKER (a -D define) when it is defined.
    /// </summary>
    public const string AddTwoArrays = """
        #include <stdio.h>
        static int initialized = 0;
        void demo_init(void) { initialized = 1; }
        int demo_run(const void* const* inputs, void* const* outputs)
        {
            const float* a = (const float*)inputs[0];
            const float* b = (const float*)inputs[1];
            float* out = (float*)outputs[0];
            if (!initialized) return 9;
            if (a[0] < 0.0f) return 7;
            for (int i = 0; i < 4; ++i) out[i] = a[i] + b[i];
            return 0;
        }
        void demo_fini(void)
        {
            initialized = 0;
        #ifdef FINI_MARKER
            FILE* f = fopen(FINI_MARKER, "w");
            if (f) { fputs("fini", f); fclose(f); }
        #endif
        }
        """;

    /// <summary>Exports demo_init and demo_fini but not demo_run.</summary>
    public const string WithoutRun = """
        void demo_init(void) { }
        void demo_fini(void) { }
        """;

    /// <summary>A missing ';' on line 3.</summary>
    public const string SyntaxError = """
        int twice(int x)
        {
            return 2 * x
        }
        """;
}
