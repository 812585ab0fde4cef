namespace Halo.Core.Operators.Onnx.NeuralNetwork;

/// <summary>Type-string sets used by the ai.onnx.ml operators.</summary>
internal static class NeuralNetworkTypeSets
{
    /// <summary>The numeric inputs most ml operators accept: float, double, int64, int32.</summary>
    public static readonly string[] MlNumeric = ["tensor(float)", "tensor(double)", "tensor(int64)", "tensor(int32)"];

    /// <summary>Labels: string or int64.</summary>
    public static readonly string[] StringOrInt64 = ["tensor(string)", "tensor(int64)"];

    /// <summary>LabelEncoder-2 keys and values.</summary>
    public static readonly string[] LabelEncoder2 = ["tensor(string)", "tensor(int64)", "tensor(float)"];

    /// <summary>LabelEncoder-4 keys and values.</summary>
    public static readonly string[] LabelEncoder4 =
        ["tensor(string)", "tensor(int64)", "tensor(int16)", "tensor(double)", "tensor(float)"];

    /// <summary>The maps DictVectorizer accepts.</summary>
    public static readonly string[] DictMaps =
    [
        "map(string, tensor(int64))", "map(int64, tensor(string))", "map(int64, tensor(float))",
        "map(int64, tensor(double))", "map(string, tensor(float))", "map(string, tensor(double))",
    ];
}
