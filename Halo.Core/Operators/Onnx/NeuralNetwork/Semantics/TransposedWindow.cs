namespace Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;

/// <summary>The geometry of a transposed convolution: where each (input position, kernel position) pair lands.</summary>
/// <param name="Input">Input spatial sizes.</param>
/// <param name="Kernel">Kernel spatial sizes.</param>
/// <param name="Strides">Strides.</param>
/// <param name="Dilations">Dilations.</param>
/// <param name="Begin">Begin pads (cropped from the full output).</param>
/// <param name="Output">Output spatial sizes.</param>
internal sealed record TransposedWindow(long[] Input, long[] Kernel, long[] Strides, long[] Dilations, long[] Begin, long[] Output)
{
    /// <summary>For each input position i and kernel position k, the flat output offset at [i * ks + k], or -1.</summary>
    public int[] Map(int inputSize, int kernelSize)
    {
        var map = new int[inputSize * kernelSize];
        int n = Kernel.Length;
        for (int i = 0; i < inputSize; i++)
        {
            for (int k = 0; k < kernelSize; k++)
            {
                int irem = i, krem = k;
                long offset = 0, stride = 1;
                bool inside = true;
                for (int a = n - 1; a >= 0; a--)
                {
                    long ii = irem % Input[a];
                    irem = (int)(irem / Input[a]);
                    long ki = krem % Kernel[a];
                    krem = (int)(krem / Kernel[a]);
                    long o = (ii * Strides[a]) + (ki * Dilations[a]) - Begin[a];
                    inside &= o >= 0 && o < Output[a];
                    offset += o * stride;
                    stride *= Output[a];
                }
                map[(i * kernelSize) + k] = inside ? (int)offset : -1;
            }
        }
        return map;
    }
}
