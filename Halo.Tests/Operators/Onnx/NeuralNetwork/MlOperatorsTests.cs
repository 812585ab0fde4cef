using Halo.Core.IR;
using Halo.Core.IR.Types;
using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.NeuralNetwork.NnGraph;

namespace Halo.Tests.Operators.Onnx.NeuralNetwork;

/// <summary>ai.onnx.ml operator inference.</summary>
[TestFixture]
public sealed class MlOperatorsTests
{
    private const string Ml = "ai.onnx.ml";

    [Test]
    public void ArrayFeatureExtractor_ReplacesLastAxisByIndexCount()
    {
        var g = new NnGraph(1, Ml);
        var z = g.Run("ArrayFeatureExtractor", [g.In(F(3, 4)), g.Ints(0, 2)], 1, Ml)[0];
        Assert.That(z, Is.EqualTo(F(3, 2)));
        var v = g.Run("ArrayFeatureExtractor", [g.In(T(ElementType.String, 5)), g.Ints(1)], 1, Ml)[0];
        Assert.That(v, Is.EqualTo(T(ElementType.String, 1, 1)));
    }

    [Test]
    public void Binarizer_KeepsTypeAndShape()
    {
        var g = new NnGraph(1, Ml);
        Assert.That(g.Run("Binarizer", [g.In(F(Sym("N"), 4))], 1, Ml, ("threshold", 1.0f))[0], Is.EqualTo(F(Sym("N"), 4)));
    }

    [Test]
    public void LabelEncoder1_SwapsStringAndInt64()
    {
        var g = new NnGraph(1, Ml);
        var y = g.Run("LabelEncoder", [g.In(T(ElementType.String, 3))], 1, Ml, ("classes_strings", S("a", "b")))[0];
        Assert.That(y, Is.EqualTo(T(ElementType.Int64, 3)));
    }

    [Test]
    public void LabelEncoder2_ValuesAttributeGivesType()
    {
        var g = new NnGraph(2, Ml);
        var y = g.Run("LabelEncoder", [g.In(T(ElementType.Int64, 2, 2))], 1, Ml,
            ("keys_int64s", new long[] { 1, 2 }), ("values_floats", Fs(0.5f, 1.5f)))[0];
        Assert.That(y, Is.EqualTo(F(2, 2)));
    }

    [Test]
    public void LabelEncoder4_ValuesTensorGivesType()
    {
        var g = new NnGraph(4, Ml);
        var values = TensorData.Create<short>(ElementType.Int16, [1, 2], 2);
        var y = g.Run("LabelEncoder", [g.In(T(ElementType.String, 5))], 1, Ml,
            ("keys_strings", S("a", "b")), ("values_tensor", values))[0];
        Assert.That(y, Is.EqualTo(T(ElementType.Int16, 5)));
    }

    [Test]
    public void LabelEncoder4_NoValues_Fails()
    {
        var g = new NnGraph(4, Ml);
        g.Run("LabelEncoder", [g.In(T(ElementType.String, 5))], 1, Ml, ("keys_strings", S("a")));
        Assert.That(g.Failed, Is.True);
    }

    [Test]
    public void TreeEnsemble5_TargetsGiveSecondAxis()
    {
        var g = new NnGraph(5, Ml);
        var y = g.Run("TreeEnsemble", [g.In(F(Sym("N"), 2))], 1, Ml, ("n_targets", 3L), ("tree_roots", new long[] { 0 }))[0];
        Assert.That(y, Is.EqualTo(F(Sym("N"), 3)));
        g.Run("TreeEnsemble", [g.In(F(1, 2, 3))], 1, Ml, ("n_targets", 1L));
        Assert.That(g.Failed, Is.True);
    }

    [Test]
    public void TreeEnsembleClassifier_StringLabels_GiveStringPredictionsAndScores()
    {
        var g = new NnGraph(3, Ml);
        var ys = g.Run("TreeEnsembleClassifier", [g.In(F(4, 3))], 2, Ml, ("classlabels_strings", S("a", "b", "c")));
        Assert.That(ys[0], Is.EqualTo(T(ElementType.String, 4)));
        Assert.That(ys[1], Is.EqualTo(F(4, 3)));
    }

    [Test]
    public void TreeEnsembleRegressor_Versions1And3_DifferInTensorAttributes()
    {
        Assert.That(Halo.Core.Operators.OperatorRegistry.Default.TryResolve(Ml, "TreeEnsembleRegressor", 2, out var v1), Is.True);
        Assert.That(Halo.Core.Operators.OperatorRegistry.Default.TryResolve(Ml, "TreeEnsembleRegressor", 3, out var v3), Is.True);
        Assert.That(v1!.Attributes.ContainsKey("nodes_values_as_tensor"), Is.False);
        Assert.That(v3!.Attributes.ContainsKey("nodes_values_as_tensor"), Is.True);
        var g = new NnGraph(1, Ml);
        Assert.That(g.Run("TreeEnsembleRegressor", [g.In(F(5, 3))], 1, Ml, ("n_targets", 2L))[0], Is.EqualTo(F(5, 2)));
    }

    [Test]
    public void LinearClassifier_Multiclass_GivesScoresPerClass()
    {
        var g = new NnGraph(1, Ml);
        var ys = g.Run("LinearClassifier", [g.In(F(Sym("N"), 2))], 2, Ml, ("classlabels_ints", new long[] { 1, 2, 3 }),
            ("coefficients", Fs(1f, 2f, 3f, 4f, 5f, 6f)));
        Assert.That(ys[0], Is.EqualTo(new TensorType(ElementType.Int64, Shape.Of(Sym("N")))));
        Assert.That(ys[1], Is.EqualTo(F(Sym("N"), 3)));
    }

    [Test]
    public void SVMRegressorAndLinearRegressor_GiveTargets()
    {
        var g = new NnGraph(1, Ml);
        Assert.That(g.Run("SVMRegressor", [g.In(F(3, 2))], 1, Ml)[0], Is.EqualTo(F(3, 1)));
        Assert.That(g.Run("LinearRegressor", [g.In(F(2))], 1, Ml, ("targets", 2L))[0], Is.EqualTo(F(1, 2)));
    }

    [Test]
    public void OneHotEncoder_AddsCategoryAxis()
    {
        var g = new NnGraph(1, Ml);
        Assert.That(g.Run("OneHotEncoder", [g.In(T(ElementType.Int64, 2, 3))], 1, Ml, ("cats_int64s", new long[] { 1, 2, 3, 4 }))[0],
            Is.EqualTo(F(2, 3, 4)));
        g.Run("OneHotEncoder", [g.In(T(ElementType.Int64, 2))], 1, Ml);
        Assert.That(g.Failed, Is.True);
    }

    [Test]
    public void ScalerNormalizerImputer_KeepShape()
    {
        var g = new NnGraph(1, Ml);
        Assert.That(g.Run("Scaler", [g.In(T(ElementType.Int64, 2, 3))], 1, Ml)[0], Is.EqualTo(F(2, 3)));
        Assert.That(g.Run("Normalizer", [g.In(T(ElementType.Double, 2, 3))], 1, Ml)[0], Is.EqualTo(F(2, 3)));
        Assert.That(g.Run("Imputer", [g.In(T(ElementType.Int64, 2, 3))], 1, Ml)[0], Is.EqualTo(T(ElementType.Int64, 2, 3)));
    }

    [Test]
    public void FeatureVectorizer_SumsInputDimensions()
    {
        var g = new NnGraph(1, Ml);
        var y = g.Run("FeatureVectorizer", [g.In(F(4, 2)), g.In(T(ElementType.Int64, 4, 3))], 1, Ml, ("inputdimensions", new long[] { 2, 3 }))[0];
        Assert.That(y, Is.EqualTo(F(4, 5)));
    }

    [Test]
    public void ZipMap_StringLabels_GiveSequenceOfMaps()
    {
        var g = new NnGraph(1, Ml);
        var z = g.Run("ZipMap", [g.In(F(2, 3))], 1, Ml, ("classlabels_strings", S("a", "b", "c")))[0];
        Assert.That(z, Is.EqualTo(Halo.Core.Operators.TypeStrings.Parse("seq(map(string, tensor(float)))")));
    }

    [Test]
    public void DictVectorizer_VocabularyGivesWidth()
    {
        var g = new NnGraph(1, Ml);
        var map = new MapType(ElementType.String, new TensorType(ElementType.Double, Shape.Scalar));
        var y = g.Run("DictVectorizer", [g.In(map)], 1, Ml, ("string_vocabulary", S("a", "b")))[0];
        Assert.That(y, Is.EqualTo(T(ElementType.Double, 1, 2)));
    }

    [Test]
    public void CategoryMapperAndCastMap_GiveTypes()
    {
        var g = new NnGraph(1, Ml);
        Assert.That(g.Run("CategoryMapper", [g.In(T(ElementType.Int64, 3))], 1, Ml)[0], Is.EqualTo(T(ElementType.String, 3)));
        var map = new MapType(ElementType.Int64, new TensorType(ElementType.Float, Shape.Scalar));
        var y = g.Run("CastMap", [g.In(map)], 1, Ml, ("cast_to", "TO_INT64"), ("map_form", "SPARSE"), ("max_map", 5L))[0];
        Assert.That(y, Is.EqualTo(T(ElementType.Int64, 1, 5)));
        g.Run("CastMap", [g.In(map)], 1, Ml, ("cast_to", "TO_BOOL"));
        Assert.That(g.Failed, Is.True);
    }

    [Test]
    public void MlOperators_ResolveOnlyInMlDomain()
    {
        Assert.That(Halo.Core.Operators.OperatorRegistry.Default.Contains(Ml, "LabelEncoder"), Is.True);
        Assert.That(Halo.Core.Operators.OperatorRegistry.Default.Contains("", "LabelEncoder"), Is.False);
    }
}
