using System.Runtime.CompilerServices;

// Native calls pass only blittable values and pointers; nothing is marshalled by the runtime (STYLE.md section 9).
[assembly: DisableRuntimeMarshalling]
