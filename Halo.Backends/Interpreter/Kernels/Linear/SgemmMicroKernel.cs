using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Halo.Backends.Interpreter.Kernels.Linear;

/// <summary>
/// The register-blocked core of <see cref="PackedSgemm"/>: a tile of <see cref="Rows"/> × <see cref="Columns"/>
/// elements of C kept in 12 vector accumulators over one K block of packed A and B panels, with the epilogue
/// (bias, clamp) applied before the single store.
/// </summary>
internal static unsafe class SgemmMicroKernel
{
    /// <summary>Rows of a tile (A panel height).</summary>
    public const int Rows = 6;

    /// <summary>Columns of a tile (B panel width): two Vector512 or two Vector256.</summary>
    public static readonly int Columns = Vector512.IsHardwareAccelerated ? 32 : 16;

    /// <summary>C[0..Rows, 0..Columns] (=|+=) A panel · B panel over <paramref name="kc"/>, then the epilogue when
    /// <paramref name="finish"/> (rows of the epilogue counted from <paramref name="row"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Run(float* a, float* b, int kc, float* c, int ldc, bool accumulate, in GemmEpilogue epilogue, int row, bool finish)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            Run512(a, b, kc, c, ldc, accumulate, epilogue, row, finish);
        }
        else
        {
            Run256(a, b, kc, c, ldc, accumulate, epilogue, row, finish);
        }
    }

    // PERF: hot loop; compiled fully optimized at once instead of going through tier 0.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Run512(float* a, float* b, int kc, float* c, int ldc, bool accumulate, in GemmEpilogue e, int row, bool finish)
    {
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector512<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (int p = 0; p < kc; p++, a += Rows, b += 32)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + 16);
            var x = Vector512.Create(a[0]);
            c00 = Vector512.FusedMultiplyAdd(x, b0, c00); c01 = Vector512.FusedMultiplyAdd(x, b1, c01);
            x = Vector512.Create(a[1]);
            c10 = Vector512.FusedMultiplyAdd(x, b0, c10); c11 = Vector512.FusedMultiplyAdd(x, b1, c11);
            x = Vector512.Create(a[2]);
            c20 = Vector512.FusedMultiplyAdd(x, b0, c20); c21 = Vector512.FusedMultiplyAdd(x, b1, c21);
            x = Vector512.Create(a[3]);
            c30 = Vector512.FusedMultiplyAdd(x, b0, c30); c31 = Vector512.FusedMultiplyAdd(x, b1, c31);
            x = Vector512.Create(a[4]);
            c40 = Vector512.FusedMultiplyAdd(x, b0, c40); c41 = Vector512.FusedMultiplyAdd(x, b1, c41);
            x = Vector512.Create(a[5]);
            c50 = Vector512.FusedMultiplyAdd(x, b0, c50); c51 = Vector512.FusedMultiplyAdd(x, b1, c51);
        }
        Store(c, c00, c01, accumulate, e, row, finish);
        Store(c + ldc, c10, c11, accumulate, e, row + 1, finish);
        Store(c + 2 * ldc, c20, c21, accumulate, e, row + 2, finish);
        Store(c + 3 * ldc, c30, c31, accumulate, e, row + 3, finish);
        Store(c + 4 * ldc, c40, c41, accumulate, e, row + 4, finish);
        Store(c + 5 * ldc, c50, c51, accumulate, e, row + 5, finish);
    }

    // PERF: hot loop; compiled fully optimized at once instead of going through tier 0.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Run256(float* a, float* b, int kc, float* c, int ldc, bool accumulate, in GemmEpilogue e, int row, bool finish)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (int p = 0; p < kc; p++, a += Rows, b += 16)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + 8);
            var x = Vector256.Create(a[0]);
            c00 = Vector256.FusedMultiplyAdd(x, b0, c00); c01 = Vector256.FusedMultiplyAdd(x, b1, c01);
            x = Vector256.Create(a[1]);
            c10 = Vector256.FusedMultiplyAdd(x, b0, c10); c11 = Vector256.FusedMultiplyAdd(x, b1, c11);
            x = Vector256.Create(a[2]);
            c20 = Vector256.FusedMultiplyAdd(x, b0, c20); c21 = Vector256.FusedMultiplyAdd(x, b1, c21);
            x = Vector256.Create(a[3]);
            c30 = Vector256.FusedMultiplyAdd(x, b0, c30); c31 = Vector256.FusedMultiplyAdd(x, b1, c31);
            x = Vector256.Create(a[4]);
            c40 = Vector256.FusedMultiplyAdd(x, b0, c40); c41 = Vector256.FusedMultiplyAdd(x, b1, c41);
            x = Vector256.Create(a[5]);
            c50 = Vector256.FusedMultiplyAdd(x, b0, c50); c51 = Vector256.FusedMultiplyAdd(x, b1, c51);
        }
        Store(c, c00, c01, accumulate, e, row, finish);
        Store(c + ldc, c10, c11, accumulate, e, row + 1, finish);
        Store(c + 2 * ldc, c20, c21, accumulate, e, row + 2, finish);
        Store(c + 3 * ldc, c30, c31, accumulate, e, row + 3, finish);
        Store(c + 4 * ldc, c40, c41, accumulate, e, row + 4, finish);
        Store(c + 5 * ldc, c50, c51, accumulate, e, row + 5, finish);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* c, Vector512<float> v0, Vector512<float> v1, bool accumulate, in GemmEpilogue e, int row, bool finish)
    {
        if (accumulate)
        {
            v0 += Vector512.Load(c);
            v1 += Vector512.Load(c + 16);
        }
        if (finish)
        {
            if (e.RowBias is not null)
            {
                var bias = Vector512.Create(e.RowBias[row]);
                v0 += bias;
                v1 += bias;
            }
            if (e.Clamps)
            {
                var low = Vector512.Create(e.Low);
                var high = Vector512.Create(e.High);
                v0 = Vector512.Min(Vector512.Max(v0, low), high);
                v1 = Vector512.Min(Vector512.Max(v1, low), high);
            }
        }
        v0.Store(c);
        v1.Store(c + 16);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* c, Vector256<float> v0, Vector256<float> v1, bool accumulate, in GemmEpilogue e, int row, bool finish)
    {
        if (accumulate)
        {
            v0 += Vector256.Load(c);
            v1 += Vector256.Load(c + 8);
        }
        if (finish)
        {
            if (e.RowBias is not null)
            {
                var bias = Vector256.Create(e.RowBias[row]);
                v0 += bias;
                v1 += bias;
            }
            if (e.Clamps)
            {
                var low = Vector256.Create(e.Low);
                var high = Vector256.Create(e.High);
                v0 = Vector256.Min(Vector256.Max(v0, low), high);
                v1 = Vector256.Min(Vector256.Max(v1, low), high);
            }
        }
        v0.Store(c);
        v1.Store(c + 8);
    }
}
