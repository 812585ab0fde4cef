using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Halo.Odla.Native.Loading;

/// <summary>A native library loaded with <see cref="NativeLibrary.Load(string)"/>; released with <see cref="NativeLibrary.Free"/>.</summary>
internal sealed class ModelLibraryHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public ModelLibraryHandle(nint handle) : base(ownsHandle: true) => SetHandle(handle);

    public bool TryGetExport(string name, out nint address) => NativeLibrary.TryGetExport(handle, name, out address);

    protected override bool ReleaseHandle()
    {
        NativeLibrary.Free(handle);
        return true;
    }
}
