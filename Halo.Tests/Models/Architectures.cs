using static Halo.Tests.Models.OnnxModelBuilder;

namespace Halo.Tests.Models;

/// <summary>
/// Small models laid out as PyTorch and other exporters write the real architectures: a transformer encoder
/// layer with decomposed LayerNorm, Erf GELU and Shape-computed reshapes; a CNN with inception branches, batch
/// normalization, depthwise and dilated convolutions and a squeeze-excitation block; a U-Net decoder with
/// ConvTranspose, skip concatenation, instance normalization, Resize and reflect padding; a recurrent
/// classifier (bidirectional LSTM and GRU); an MLP with a symbolic batch; a BERT-style embedding, masked attention
/// and pooler over int64 token ids (opset 11); an opset-9 CNN with Upsample, attribute Split and Squeeze; a causal
/// decoder layer of opset 18 (LayerNormalization, Trilu mask through Where, Einsum, Split by num_outputs, reductions
/// with axes inputs, ArgMax); a 1-D convolutional audio classifier (Conv1d, GroupNormalization as exported by
/// opset-13 PyTorch through InstanceNormalization, CumSum, TopK); a vision transformer (patch convolution, class token
/// through Expand and Concat, opset-17 LayerNormalization, Slice of the class token); a ConvNeXt stage (channels-last
/// LayerNorm between Transposes, 7x7 depthwise convolution, HardSwish, layer scale, ceil-mode AveragePool). Weights
/// are seeded random values.
/// </summary>
internal static class Architectures
{
    public static IEnumerable<ArchitectureModel> All() =>
        [TransformerEncoder(), InceptionSeCnn(), UNetDecoder(), RecurrentClassifier(), DynamicBatchMlp(), BertEmbeddingPooler(), LegacyOpset9Cnn(), CausalDecoderOpset18(), AudioConv1d(), VisionTransformer(), ConvNextStage()];

    public static ArchitectureModel TransformerEncoder()
    {
        const int d = 32, heads = 4, ffn = 64;
        var b = new OnnxModelBuilder("transformer_encoder", 13, 101);
        string x = b.Input("tokens", 1, "seq", d);
        string ln1 = LayerNorm(b, x, d);
        string shape = b.Op("Shape", [ln1]);
        string batch = b.Op("Unsqueeze", [b.Op("Gather", [shape, b.Scalar(0)]), b.Int64s(0)]);
        string seq = b.Op("Unsqueeze", [b.Op("Gather", [shape, b.Scalar(1)]), b.Int64s(0)]);
        string headShape = b.Op("Concat", [batch, seq, b.Int64s(heads), b.Int64s(d / heads)], Int("axis", 0));
        string Heads(string v) => b.Op("Transpose", [b.Op("Reshape", [v, headShape])], Ints("perm", 0, 2, 1, 3));
        string Linear(string v, int inDim, int outDim) =>
            b.Op("Add", [b.Op("MatMul", [v, b.Weight(0.3f, inDim, outDim)]), b.Weight(0.1f, outDim)]);
        string q = Heads(Linear(ln1, d, d)), k = Heads(Linear(ln1, d, d)), v = Heads(Linear(ln1, d, d));
        string scores = b.Op("Div", [b.Op("MatMul", [q, b.Op("Transpose", [k], Ints("perm", 0, 1, 3, 2))]), b.Floats([MathF.Sqrt(d / heads)])]);
        string context = b.Op("MatMul", [b.Op("Softmax", [scores], Int("axis", -1)), v]);
        string merged = b.Op("Reshape", [b.Op("Transpose", [context], Ints("perm", 0, 2, 1, 3)),
            b.Op("Concat", [batch, seq, b.Int64s(d)], Int("axis", 0))]);
        string residual = b.Op("Add", [x, Linear(merged, d, d)]);
        string h = Linear(LayerNorm(b, residual, d), d, ffn);
        string erf = b.Op("Erf", [b.Op("Div", [h, b.Floats([MathF.Sqrt(2)])])]);
        string gelu = b.Op("Mul", [b.Op("Mul", [h, b.Floats([0.5f])]), b.Op("Add", [erf, b.Floats([1f])])]);
        string hidden = b.Op("Add", [residual, Linear(gelu, ffn, d)]);
        string pooled = b.Op("ReduceMean", [hidden], Ints("axes", 1), Int("keepdims", 0));
        string logits = b.Op("Gemm", [pooled, b.Weight(0.3f, 10, d), b.Weight(0.1f, 10)], Int("transB", 1));
        b.Output(hidden, 1, "seq", d);
        b.Output(logits, 1, 10);
        return new("transformer_encoder", b.ToBytes(), [new("tokens", [1, 12, d])]);
    }

    public static ArchitectureModel InceptionSeCnn()
    {
        var b = new OnnxModelBuilder("inception_se_cnn", 13, 202);
        string x = b.Input("image", 1, 3, 32, 32);
        string c1 = b.Op("Conv", [x, b.Weight(0.4f, 16, 3, 3, 3), b.Weight(0.1f, 16)], Ints("strides", 2, 2), Ints("pads", 1, 1, 1, 1));
        string bn = b.Op("BatchNormalization", [c1, b.Positive(0.5f, 1.5f, 16), b.Weight(0.2f, 16), b.Weight(0.2f, 16),
            b.Positive(0.5f, 2f, 16)], Float("epsilon", 1e-5f));
        string a1 = b.Op("LeakyRelu", [bn], Float("alpha", 0.1f));
        string b1 = b.Op("Relu", [b.Op("Conv", [a1, b.Weight(0.4f, 8, 16, 1, 1), b.Weight(0.1f, 8)])]);
        string b2 = b.Op("Relu", [b.Op("Conv", [a1, b.Weight(0.2f, 8, 16, 3, 3), b.Weight(0.1f, 8)], Ints("pads", 1, 1, 1, 1))]);
        string b3 = b.Op("Conv", [b.Op("MaxPool", [a1], Ints("kernel_shape", 3, 3), Ints("pads", 1, 1, 1, 1)),
            b.Weight(0.4f, 8, 16, 1, 1)]);
        string b4 = b.Op("Conv", [a1, b.Weight(0.2f, 8, 16, 3, 3)], Ints("pads", 2, 2, 2, 2), Ints("dilations", 2, 2));
        string cat = b.Op("Concat", [b1, b2, b3, b4], Int("axis", 1));
        string pooled = b.Op("MaxPool", [cat], Ints("kernel_shape", 3, 3), Ints("strides", 2, 2), Int("ceil_mode", 1));
        string dw = b.Op("Conv", [pooled, b.Weight(0.5f, 32, 1, 3, 3), b.Weight(0.1f, 32)], Int("group", 32), Ints("pads", 1, 1, 1, 1));
        string relu6 = b.Op("Clip", [dw, b.Floats([0f]), b.Floats([6f])]);
        string squeeze = b.Op("GlobalAveragePool", [relu6]);
        string excite = b.Op("Relu", [b.Op("Conv", [squeeze, b.Weight(0.5f, 8, 32, 1, 1), b.Weight(0.1f, 8)])]);
        string gate = b.Op("HardSigmoid", [b.Op("Conv", [excite, b.Weight(0.5f, 32, 8, 1, 1), b.Weight(0.1f, 32)])],
            Float("alpha", 1f / 6), Float("beta", 0.5f));
        string se = b.Op("Mul", [relu6, gate]);
        string silu = b.Op("Mul", [se, b.Op("Sigmoid", [se])]);
        string grouped = b.Op("Conv", [silu, b.Weight(0.3f, 16, 8, 1, 1)], Int("group", 4));
        string avg = b.Op("AveragePool", [grouped], Ints("kernel_shape", 3, 3), Ints("strides", 2, 2), Ints("pads", 1, 1, 1, 1),
            Int("count_include_pad", 0));
        string flat = b.Op("Flatten", [b.Op("GlobalAveragePool", [avg])], Int("axis", 1));
        string logits = b.Op("Gemm", [flat, b.Weight(0.5f, 10, 16), b.Weight(0.1f, 10)], Int("transB", 1));
        b.Output(b.Op("Softmax", [logits], Int("axis", 1)), 1, 10);
        return new("inception_se_cnn", b.ToBytes(), [new("image", [1, 3, 32, 32])]);
    }

    public static ArchitectureModel UNetDecoder()
    {
        var b = new OnnxModelBuilder("unet_decoder", 13, 303);
        string x = b.Input("features", 1, 8, 8, 8);
        string e1 = b.Op("Relu", [b.Op("Conv", [x, b.Weight(0.3f, 8, 8, 3, 3), b.Weight(0.1f, 8)], Ints("pads", 1, 1, 1, 1))]);
        string down = b.Op("MaxPool", [e1], Ints("kernel_shape", 2, 2), Ints("strides", 2, 2));
        string mid = b.Op("Relu", [b.Op("Conv", [down, b.Weight(0.3f, 16, 8, 3, 3), b.Weight(0.1f, 16)], Ints("pads", 1, 1, 1, 1))]);
        string up = b.Op("ConvTranspose", [mid, b.Weight(0.3f, 16, 8, 2, 2), b.Weight(0.1f, 8)], Ints("strides", 2, 2));
        string cat = b.Op("Concat", [up, e1], Int("axis", 1));
        string norm = b.Op("InstanceNormalization", [cat, b.Positive(0.5f, 1.5f, 16), b.Weight(0.2f, 16)], Float("epsilon", 1e-5f));
        string up2 = b.Op("Resize", [norm, "", b.Floats([1f, 1f, 2f, 2f], 4)], Str("mode", "nearest"));
        string padded = b.Op("Pad", [up2, b.Int64s(0, 0, 1, 1, 0, 0, 1, 1)], Str("mode", "reflect"));
        string image = b.Op("Tanh", [b.Op("Conv", [padded, b.Weight(0.2f, 3, 16, 3, 3), b.Weight(0.1f, 3)])]);
        string thumb = b.Op("Resize", [image, "", b.Floats([1f, 1f, 0.5f, 0.5f], 4)], Str("mode", "linear"));
        b.Output(image, 1, 3, 16, 16);
        b.Output(thumb, 1, 3, 8, 8);
        return new("unet_decoder", b.ToBytes(), [new("features", [1, 8, 8, 8])]);
    }

    public static ArchitectureModel RecurrentClassifier()
    {
        const int steps = 6, input = 8, hidden = 5;
        var b = new OnnxModelBuilder("recurrent_classifier", 14, 404);
        string x = b.Input("sequence", steps, 1, input);
        string[] lstm = b.OpN("LSTM", [x, b.Weight(0.4f, 2, 4 * hidden, input), b.Weight(0.4f, 2, 4 * hidden, hidden),
            b.Weight(0.2f, 2, 8 * hidden)], 3, Int("hidden_size", hidden), Str("direction", "bidirectional"));
        string[] gru = b.OpN("GRU", [x, b.Weight(0.4f, 1, 3 * hidden, input), b.Weight(0.4f, 1, 3 * hidden, hidden),
            b.Weight(0.2f, 1, 6 * hidden)], 2, Int("hidden_size", hidden), Int("linear_before_reset", 1));
        string lstmLast = b.Op("Reshape", [lstm[1], b.Int64s(1, 2 * hidden)]);
        string gruLast = b.Op("Reshape", [gru[1], b.Int64s(1, hidden)]);
        string features = b.Op("Concat", [lstmLast, gruLast], Int("axis", 1));
        string logits = b.Op("Gemm", [features, b.Weight(0.5f, 3 * hidden, 4), b.Weight(0.1f, 4)]);
        b.Output(lstm[0], steps, 2, 1, hidden);
        b.Output(logits, 1, 4);
        return new("recurrent_classifier", b.ToBytes(), [new("sequence", [steps, 1, input])]);
    }

    public static ArchitectureModel DynamicBatchMlp()
    {
        var b = new OnnxModelBuilder("dynamic_batch_mlp", 13, 505);
        string x = b.Input("pixels", "batch", 3, 4, 4);
        string batch = b.Op("Unsqueeze", [b.Op("Gather", [b.Op("Shape", [x]), b.Scalar(0)]), b.Int64s(0)]);
        string flat = b.Op("Reshape", [x, b.Op("Concat", [batch, b.Int64s(-1)], Int("axis", 0))]);
        string h = b.Op("Relu", [b.Op("Add", [b.Op("MatMul", [flat, b.Weight(0.2f, 48, 24)]), b.Weight(0.1f, 24)])]);
        string logits = b.Op("Add", [b.Op("MatMul", [h, b.Weight(0.3f, 24, 5)]), b.Weight(0.1f, 5)]);
        b.Output(b.Op("LogSoftmax", [logits], Int("axis", -1)), "batch", 5);
        return new("dynamic_batch_mlp", b.ToBytes(), [new("pixels", [1, 3, 4, 4])]);
    }

    public static ArchitectureModel BertEmbeddingPooler()
    {
        const int d = 16, vocabulary = 50;
        var b = new OnnxModelBuilder("bert_embedding_pooler", 11, 606);
        string ids = b.IndexInput("input_ids", 1, "seq");
        string types = b.IndexInput("token_type_ids", 1, "seq");
        string tokens = b.Op("Gather", [b.Weight(0.5f, vocabulary, d), ids]);
        string length = b.Op("Gather", [b.Op("Shape", [ids]), b.Scalar(1)]);
        string positions = b.Op("Gather", [b.Weight(0.5f, 32, d), b.Op("Range", [b.Scalar(0), length, b.Scalar(1)])]);
        string segments = b.Op("Gather", [b.Weight(0.5f, 2, d), types]);
        string embedded = LayerNorm(b, b.Op("Add", [b.Op("Add", [tokens, positions]), segments]), d);
        // Token id 0 is padding: an additive mask of -10000 keeps attention off it.
        string keep = b.Op("Cast", [b.Op("Greater", [ids, b.Scalar(0)])], Int("to", 1));
        string mask = b.Op("Unsqueeze", [b.Op("Mul", [b.Op("Sub", [b.Floats([1f]), keep]), b.Floats([-10000f])])], Ints("axes", 1));
        string q = b.Op("MatMul", [embedded, b.Weight(0.4f, d, d)]);
        string k = b.Op("MatMul", [embedded, b.Weight(0.4f, d, d)]);
        string v = b.Op("MatMul", [embedded, b.Weight(0.4f, d, d)]);
        string scores = b.Op("Add", [b.Op("Div", [b.Op("MatMul", [q, b.Op("Transpose", [k], Ints("perm", 0, 2, 1))]), b.Floats([4f])]), mask]);
        string context = b.Op("MatMul", [b.Op("Softmax", [scores], Int("axis", 2)), v]);
        string first = b.Op("Gather", [context, b.Scalar(0)], Int("axis", 1));
        string pooled = b.Op("Tanh", [b.Op("Gemm", [first, b.Weight(0.4f, d, d), b.Weight(0.1f, d)])]);
        b.Output(embedded, 1, "seq", d);
        b.Output(pooled, 1, d);
        return new("bert_embedding_pooler", b.ToBytes(),
            [new("input_ids", [1, 9], IndexBound: vocabulary), new("token_type_ids", [1, 9], IndexBound: 2)]);
    }

    public static ArchitectureModel LegacyOpset9Cnn()
    {
        var b = new OnnxModelBuilder("legacy_opset9_cnn", 9, 707);
        string x = b.Input("image", 1, 4, 6, 6);
        string conv = b.Op("Relu", [b.Op("Conv", [x, b.Weight(0.3f, 4, 4, 3, 3), b.Weight(0.1f, 4)], Ints("pads", 1, 1, 1, 1))]);
        string bn = b.Op("BatchNormalization", [conv, b.Positive(0.5f, 1.5f, 4), b.Weight(0.2f, 4), b.Weight(0.2f, 4),
            b.Positive(0.5f, 2f, 4)]);
        string up = b.Op("Upsample", [bn, b.Floats([1f, 1f, 2f, 2f], 4)], Str("mode", "nearest"));
        string[] halves = b.OpN("Split", [up], 2, Int("axis", 1), Ints("split", 2, 2));
        string gated = b.Op("Mul", [b.Op("Sigmoid", [halves[0]]), b.Op("Tanh", [halves[1]])]);
        string summed = b.Op("ReduceSum", [gated], Ints("axes", 1), Int("keepdims", 1));
        string pooled = b.Op("MaxPool", [summed], Ints("kernel_shape", 2, 2), Ints("strides", 2, 2));
        string flat = b.Op("Reshape", [pooled, b.Int64s(1, 36)]);
        string lifted = b.Op("Squeeze", [b.Op("Unsqueeze", [flat], Ints("axes", 0))], Ints("axes", 0));
        string logits = b.Op("Gemm", [lifted, b.Weight(0.3f, 36, 3), b.Weight(0.1f, 3)]);
        b.Output(b.Op("Softmax", [logits], Int("axis", 1)), 1, 3);
        return new("legacy_opset9_cnn", b.ToBytes(), [new("image", [1, 4, 6, 6])]);
    }

    public static ArchitectureModel CausalDecoderOpset18()
    {
        const int d = 16, seq = 7;
        var b = new OnnxModelBuilder("causal_decoder_opset18", 18, 808);
        string x = b.Input("hidden", 1, seq, d);
        string ln = b.Op("LayerNormalization", [x, b.Positive(0.5f, 1.5f, d), b.Weight(0.1f, d)], Int("axis", -1), Float("epsilon", 1e-5f));
        string[] qkv = b.OpN("Split", [b.Op("MatMul", [ln, b.Weight(0.4f, d, 3 * d)])], 3, Int("axis", -1), Int("num_outputs", 3));
        string scores = b.Op("Einsum", [qkv[0], qkv[1]], Str("equation", "bqd,bkd->bqk"));
        var ones = Enumerable.Repeat(1f, seq * seq).ToArray();
        string allowed = b.Op("Cast", [b.Op("Trilu", [b.Floats(ones, seq, seq)], Int("upper", 0))], Int("to", 9));
        string masked = b.Op("Where", [allowed, b.Op("Mul", [scores, b.Floats([0.25f])]), b.Floats([-1e9f])]);
        string context = b.Op("Einsum", [b.Op("Softmax", [masked], Int("axis", -1)), qkv[2]], Str("equation", "bqk,bkd->bqd"));
        string residual = b.Op("Add", [x, context]);
        string centered = b.Op("Sub", [residual, b.Op("ReduceMean", [residual, b.Int64s(-1)], Int("keepdims", 1))]);
        string energy = b.Op("ReduceSumSquare", [centered, b.Int64s(1)], Int("keepdims", 0));
        string logits = b.Op("MatMul", [residual, b.Weight(0.5f, d, 11)]);
        string next = b.Op("ArgMax", [logits], Int("axis", -1), Int("keepdims", 0));
        b.Output(centered, 1, seq, d);
        b.Output(energy, 1, d);
        b.OutputInt64(next, 1, seq);
        return new("causal_decoder_opset18", b.ToBytes(), [new("hidden", [1, seq, d])]);
    }

    public static ArchitectureModel AudioConv1d()
    {
        var b = new OnnxModelBuilder("audio_conv1d", 13, 909);
        string x = b.Input("waveform", 1, 2, 64);
        string c1 = b.Op("Conv", [x, b.Weight(0.4f, 8, 2, 5), b.Weight(0.1f, 8)], Ints("strides", 2), Ints("pads", 2, 2));
        // GroupNorm(4 groups) as opset-13 PyTorch exports it: reshape to [N, groups, -1], InstanceNorm, reshape back, affine.
        string grouped = b.Op("Reshape", [c1, b.Int64s(1, 4, -1)]);
        string normed = b.Op("InstanceNormalization", [grouped, b.Floats([1f, 1f, 1f, 1f], 4), b.Floats([0f, 0f, 0f, 0f], 4)], Float("epsilon", 1e-5f));
        string back = b.Op("Reshape", [normed, b.Op("Shape", [c1])]);
        string affine = b.Op("Add", [b.Op("Mul", [back, b.Positive(0.5f, 1.5f, 8, 1)]), b.Weight(0.1f, 8, 1)]);
        string act = b.Op("Relu", [affine]);
        string dilated = b.Op("Conv", [act, b.Weight(0.3f, 8, 4, 3), b.Weight(0.1f, 8)], Int("group", 2), Ints("dilations", 2), Ints("pads", 2, 2));
        string pooled = b.Op("MaxPool", [dilated], Ints("kernel_shape", 3), Ints("strides", 2), Ints("pads", 1, 1));
        string running = b.Op("CumSum", [pooled, b.Scalar(2)]);
        string[] top = b.OpN("TopK", [b.Op("ReduceMean", [running], Ints("axes", 2), Int("keepdims", 0)), b.Int64s(3)], 2, Int("axis", 1));
        b.Output(top[0], 1, 3);
        b.OutputInt64(top[1], 1, 3);
        return new("audio_conv1d", b.ToBytes(), [new("waveform", [1, 2, 64])]);
    }

    public static ArchitectureModel VisionTransformer()
    {
        const int d = 16, patches = 16;
        var b = new OnnxModelBuilder("vision_transformer", 17, 1001);
        string x = b.Input("image", 1, 3, 16, 16);
        string embedded = b.Op("Conv", [x, b.Weight(0.3f, d, 3, 4, 4), b.Weight(0.1f, d)], Ints("kernel_shape", 4, 4), Ints("strides", 4, 4));
        string tokens = b.Op("Transpose", [b.Op("Reshape", [embedded, b.Int64s(1, d, patches)])], Ints("perm", 0, 2, 1));
        string batch = b.Op("Unsqueeze", [b.Op("Gather", [b.Op("Shape", [x]), b.Scalar(0)]), b.Int64s(0)]);
        // expand(batch, -1, -1) as PyTorch exports it: the -1 sizes become 1 through Where(Equal(size, -1), 1, size).
        string sizes = b.Op("Concat", [batch, b.Int64s(-1, -1)], Int("axis", 0));
        string ones = b.Op("ConstantOfShape", [b.Op("Shape", [sizes])], OnnxModelBuilder.OneInt64("value"));
        string expandShape = b.Op("Where", [b.Op("Equal", [sizes, b.Scalar(-1)]), ones, sizes]);
        string classToken = b.Op("Expand", [b.Weight(0.5f, 1, 1, d), expandShape]);
        string sequence = b.Op("Add", [b.Op("Concat", [classToken, tokens], Int("axis", 1)), b.Weight(0.2f, 1, patches + 1, d)]);
        string ln = b.Op("LayerNormalization", [sequence, b.Positive(0.5f, 1.5f, d), b.Weight(0.1f, d)], Float("epsilon", 1e-6f));
        string q = b.Op("MatMul", [ln, b.Weight(0.4f, d, d)]);
        string k = b.Op("MatMul", [ln, b.Weight(0.4f, d, d)]);
        string v = b.Op("MatMul", [ln, b.Weight(0.4f, d, d)]);
        string attention = b.Op("Softmax", [b.Op("Mul", [b.Op("MatMul", [q, b.Op("Transpose", [k], Ints("perm", 0, 2, 1))]), b.Floats([0.25f])])], Int("axis", -1));
        string residual = b.Op("Add", [sequence, b.Op("MatMul", [b.Op("MatMul", [attention, v]), b.Weight(0.4f, d, d)])]);
        string cls = b.Op("Squeeze", [b.Op("Slice", [residual, b.Int64s(0), b.Int64s(1), b.Int64s(1)]), b.Int64s(1)]);
        string head = b.Op("Gemm", [b.Op("LayerNormalization", [cls, b.Positive(0.5f, 1.5f, d), b.Weight(0.1f, d)]), b.Weight(0.4f, 5, d), b.Weight(0.1f, 5)],
            Int("transB", 1));
        b.Output(head, 1, 5);
        return new("vision_transformer", b.ToBytes(), [new("image", [1, 3, 16, 16])]);
    }

    public static ArchitectureModel ConvNextStage()
    {
        const int c = 8;
        var b = new OnnxModelBuilder("convnext_stage", 14, 1102);
        string x = b.Input("features", 1, c, 9, 9);
        string dw = b.Op("Conv", [x, b.Weight(0.3f, c, 1, 7, 7), b.Weight(0.1f, c)], Int("group", c), Ints("pads", 3, 3, 3, 3));
        string last = b.Op("Transpose", [dw], Ints("perm", 0, 2, 3, 1));
        string ln = LayerNorm(b, last, c);
        string expanded = b.Op("HardSwish", [b.Op("Add", [b.Op("MatMul", [ln, b.Weight(0.4f, c, 4 * c)]), b.Weight(0.1f, 4 * c)])]);
        string reduced = b.Op("Add", [b.Op("MatMul", [expanded, b.Weight(0.3f, 4 * c, c)]), b.Weight(0.1f, c)]);
        string scaled = b.Op("Mul", [reduced, b.Weight(0.5f, c)]);
        string block = b.Op("Add", [x, b.Op("Transpose", [scaled], Ints("perm", 0, 3, 1, 2))]);
        string pooled = b.Op("AveragePool", [block], Ints("kernel_shape", 2, 2), Ints("strides", 2, 2), Int("ceil_mode", 1));
        b.Output(pooled, 1, c, 5, 5);
        return new("convnext_stage", b.ToBytes(), [new("features", [1, c, 9, 9])]);
    }

    // LayerNorm over the last axis as opset-13 exporters decompose it.
    private static string LayerNorm(OnnxModelBuilder b, string x, int d)
    {
        string mean = b.Op("ReduceMean", [x], Ints("axes", -1), Int("keepdims", 1));
        string centered = b.Op("Sub", [x, mean]);
        string variance = b.Op("ReduceMean", [b.Op("Pow", [centered, b.Floats([2f])])], Ints("axes", -1), Int("keepdims", 1));
        string normalized = b.Op("Div", [centered, b.Op("Sqrt", [b.Op("Add", [variance, b.Floats([1e-5f])])])]);
        return b.Op("Add", [b.Op("Mul", [normalized, b.Positive(0.5f, 1.5f, d)]), b.Weight(0.1f, d)]);
    }
}
