// LSTM, GRU and RNN in the ONNX formulation (X [seq, batch, input]; default activations sigmoid/tanh)
// (odla_ops_nn.h). Weights in ODLA_RNN_LDGOI ([dirs, gates * hidden, in], ONNX's layout) or ODLA_RNN_LDIGO
// ([dirs, in, gates, hidden]); gate blocks in the order named by odla_rnn_gate_order.
// Results: Y [seq, dirs, batch, hidden], then Y_h [dirs, batch, hidden] when `outputs` asks for the hidden state,
// then Y_c when it asks for the cell state (LSTM).
#include <cmath>
#include <cstring>

#include "dispatch.h"

using odla_ref::CheckInput;
using odla_ref::Dims;
using odla_ref::Fail;
using odla_ref::Guard;
using odla_ref::TensorType;

namespace {

enum class Cell { Lstm, Gru, Rnn };

struct RecurrentPlan {
  Cell cell = Cell::Rnn;
  int64_t seq = 0, batch = 0, input = 0, hidden = 0, dirs = 1, gates = 1;
  bool ldigo = false, reverse = false, linear_before_reset = false;
  std::vector<int64_t> gate_block;  // canonical gate -> block position in the weights
  // Input positions (-1: absent).
  int b = -1, lens = -1, h0 = -1, c0 = -1, p = -1;
  bool want_h = false, want_c = false;
};

double Sigmoid(double x) { return 1 / (1 + std::exp(-x)); }

// Weight element (canonical gate g, output row o, column k) of direction d; `columns` is in or hidden.
inline float Weight(const float* w, const RecurrentPlan& p, int64_t columns, int64_t d, int64_t g, int64_t o, int64_t k) {
  const int64_t block = p.gate_block[static_cast<size_t>(g)];
  if (p.ldigo) return w[((d * columns + k) * p.gates + block) * p.hidden + o];
  return w[((d * p.gates + block) * p.hidden + o) * columns + k];
}

void RunRecurrent(const RecurrentPlan& p, const std::vector<const void*>& in, const std::vector<void*>& out) {
  const float* x = static_cast<const float*>(in[0]);
  const float* w = static_cast<const float*>(in[1]);
  const float* r = static_cast<const float*>(in[2]);
  const float* bias = p.b >= 0 ? static_cast<const float*>(in[static_cast<size_t>(p.b)]) : nullptr;
  const float* peep = p.p >= 0 ? static_cast<const float*>(in[static_cast<size_t>(p.p)]) : nullptr;
  const int64_t H = p.hidden, G = p.gates;
  float* y = static_cast<float*>(out[0]);
  std::memset(y, 0, static_cast<size_t>(p.seq * p.dirs * p.batch * H) * sizeof(float));
  std::vector<float> final_h(static_cast<size_t>(p.dirs * p.batch * H), 0.0f), final_c(final_h.size(), 0.0f);
  std::vector<double> g(static_cast<size_t>(G * H));
  for (int64_t d = 0; d < p.dirs; ++d) {
    const bool backwards = p.reverse || d == 1;
    for (int64_t bt = 0; bt < p.batch; ++bt) {
      float* h = &final_h[static_cast<size_t>((d * p.batch + bt) * H)];
      float* c = &final_c[static_cast<size_t>((d * p.batch + bt) * H)];
      if (p.h0 >= 0) std::memcpy(h, static_cast<const float*>(in[static_cast<size_t>(p.h0)]) + (d * p.batch + bt) * H, H * sizeof(float));
      if (p.c0 >= 0) std::memcpy(c, static_cast<const float*>(in[static_cast<size_t>(p.c0)]) + (d * p.batch + bt) * H, H * sizeof(float));
      int64_t length = p.seq;
      if (p.lens >= 0) length = std::min<int64_t>(p.seq, static_cast<const int32_t*>(in[static_cast<size_t>(p.lens)])[bt]);
      for (int64_t step = 0; step < length; ++step) {
        const int64_t t = backwards ? length - 1 - step : step;
        const float* xt = x + (t * p.batch + bt) * p.input;
        // g = W x + Wb (+ R h + Rb, except GRU's hidden gate whose recurrent part is kept apart below).
        std::vector<double> recurrent(static_cast<size_t>(G * H));
        for (int64_t gate = 0; gate < G; ++gate)
          for (int64_t o = 0; o < H; ++o) {
            double sum = 0, rec = 0;
            for (int64_t k = 0; k < p.input; ++k) sum += Weight(w, p, p.input, d, gate, o, k) * xt[k];
            for (int64_t k = 0; k < H; ++k) rec += Weight(r, p, H, d, gate, o, k) * h[k];
            const int64_t block = p.gate_block[static_cast<size_t>(gate)];
            if (bias != nullptr) {
              sum += bias[d * 2 * G * H + block * H + o];
              rec += bias[d * 2 * G * H + G * H + block * H + o];
            }
            g[static_cast<size_t>(gate * H + o)] = sum;
            recurrent[static_cast<size_t>(gate * H + o)] = rec;
          }
        std::vector<float> next(static_cast<size_t>(H));
        for (int64_t o = 0; o < H; ++o) {
          const size_t at = static_cast<size_t>(o);
          if (p.cell == Cell::Rnn) {
            next[at] = static_cast<float>(std::tanh(g[at] + recurrent[at]));
          } else if (p.cell == Cell::Lstm) {
            // Canonical (ONNX) gate order: i, o, f, c; peepholes P = [i, o, f].
            const double pi = peep ? peep[d * 3 * H + o] : 0, po = peep ? peep[d * 3 * H + H + o] : 0,
                         pf = peep ? peep[d * 3 * H + 2 * H + o] : 0;
            const double ig = Sigmoid(g[at] + recurrent[at] + pi * c[o]);
            const double fg = Sigmoid(g[at + 2 * H] + recurrent[at + 2 * H] + pf * c[o]);
            const double cand = std::tanh(g[at + 3 * H] + recurrent[at + 3 * H]);
            const double cell = fg * c[o] + ig * cand;
            const double og = Sigmoid(g[at + H] + recurrent[at + H] + po * cell);
            c[o] = static_cast<float>(cell);
            next[at] = static_cast<float>(og * std::tanh(cell));
          } else {
            // Canonical (ONNX) gate order: z, r, h.
            const double z = Sigmoid(g[at] + recurrent[at]);
            const double reset = Sigmoid(g[at + H] + recurrent[at + H]);
            double rh;
            if (p.linear_before_reset) {
              rh = reset * recurrent[at + 2 * H];
            } else {
              // Rh (r * h) + Rbh: recompute the recurrent product with the reset-scaled state.
              rh = bias != nullptr ? bias[d * 2 * G * H + G * H + p.gate_block[2] * H + o] : 0.0;
              for (int64_t k = 0; k < H; ++k) rh += Weight(r, p, H, d, 2, o, k) * reset * h[k];
            }
            const double cand = std::tanh(g[at + 2 * H] + rh);
            next[at] = static_cast<float>((1 - z) * cand + z * h[o]);
          }
        }
        std::memcpy(h, next.data(), static_cast<size_t>(H) * sizeof(float));
        std::memcpy(y + ((t * p.dirs + d) * p.batch + bt) * H, h, static_cast<size_t>(H) * sizeof(float));
      }
    }
  }
  size_t next_output = 1;
  if (p.want_h) std::memcpy(out[next_output++], final_h.data(), final_h.size() * sizeof(float));
  if (p.want_c) std::memcpy(out[next_output], final_c.data(), final_c.size() * sizeof(float));
}

std::vector<int64_t> GateBlocks(Cell cell, odla_rnn_gate_order order, const char* op) {
  if (cell == Cell::Rnn) return {0};
  if (cell == Cell::Gru) {
    if (order != ODLA_RNN_URO) Fail(ODLA_INVALID_PARAM, std::string(op) + ": GRU gates must be ODLA_RNN_URO");
    return {0, 1, 2};
  }
  // Block position of the canonical gates i, o, f, c.
  switch (order) {
    case ODLA_RNN_IOFC: return {0, 1, 2, 3};
    case ODLA_RNN_IFCO: return {0, 3, 1, 2};
    case ODLA_RNN_IFOC: return {0, 2, 1, 3};
    case ODLA_RNN_ICOF: return {0, 2, 3, 1};
    default: Fail(ODLA_INVALID_PARAM, std::string(op) + ": LSTM gates cannot be ODLA_RNN_URO");
  }
}

odla_values BuildRecurrent(const char* op, Cell cell, odla_value input, odla_rnn_weight_format format,
                           odla_rnn_gate_order order, odla_value W, odla_value R, odla_value B, odla_value sequence_lens,
                           odla_value initial_h, odla_value initial_c, odla_value P, odla_int32 hidden_size,
                           odla_rnn_direction direction, bool linear_before_reset, odla_rnn_outputs outputs,
                           const odla_value_ids& ids) {
  CheckInput(input, op, 0);
  CheckInput(W, op, 1);
  CheckInput(R, op, 2);
  for (odla_value v : {input, W, R})
    if (v->type.element_type != ODLA_FLOAT32) odla_ref::UnsupportedType(v->type.element_type, op);
  RecurrentPlan p;
  p.cell = cell;
  p.gates = cell == Cell::Lstm ? 4 : cell == Cell::Gru ? 3 : 1;
  p.gate_block = GateBlocks(cell, order, op);
  p.ldigo = format == ODLA_RNN_LDIGO;
  p.linear_before_reset = linear_before_reset;
  const Dims& x = input->type.dims;
  if (x.size() != 3) Fail(ODLA_INVALID_PARAM, std::string(op) + ": input must be [seq, batch, input]");
  p.seq = x[0];
  p.batch = x[1];
  p.input = x[2];
  p.hidden = hidden_size;
  p.dirs = direction == ODLA_RNN_BIDIRECTIONAL ? 2 : 1;
  p.reverse = direction == ODLA_RNN_REVERSE;
  if (W->type.Count() != p.dirs * p.gates * p.hidden * p.input || R->type.Count() != p.dirs * p.gates * p.hidden * p.hidden)
    Fail(ODLA_INVALID_PARAM, std::string(op) + ": W or R does not match directions x gates x hidden x input");
  std::vector<odla_value> inputs{input, W, R};
  auto optional = [&](odla_value v, int64_t count, odla_element_type type, const char* name) {
    if (v == nullptr) return -1;
    if (v->type.Count() != count || v->type.element_type != type)
      Fail(ODLA_INVALID_PARAM, std::string(op) + ": " + name + " has the wrong shape or type");
    inputs.push_back(v);
    return static_cast<int>(inputs.size() - 1);
  };
  p.b = optional(B, p.dirs * 2 * p.gates * p.hidden, ODLA_FLOAT32, "B");
  p.lens = optional(sequence_lens, p.batch, ODLA_INT32, "sequence_lens");
  p.h0 = optional(initial_h, p.dirs * p.batch * p.hidden, ODLA_FLOAT32, "initial_h");
  p.c0 = optional(initial_c, p.dirs * p.batch * p.hidden, ODLA_FLOAT32, "initial_c");
  p.p = optional(P, p.dirs * 3 * p.hidden, ODLA_FLOAT32, "P");
  p.want_h = outputs == ODLA_RNN_HIDDEN_STATE || outputs == ODLA_RNN_HIDDEN_CELL_STATE;
  p.want_c = cell == Cell::Lstm && (outputs == ODLA_RNN_CELL_STATE || outputs == ODLA_RNN_HIDDEN_CELL_STATE);
  std::vector<TensorType> types{TensorType{ODLA_FLOAT32, {p.seq, p.dirs, p.batch, p.hidden}}};
  if (p.want_h) types.push_back(TensorType{ODLA_FLOAT32, {p.dirs, p.batch, p.hidden}});
  if (p.want_c) types.push_back(TensorType{ODLA_FLOAT32, {p.dirs, p.batch, p.hidden}});
  return odla_ref::ToValues(odla_ref::AddNode(op, inputs, types, &ids, nullptr,
                                              [p](const std::vector<const void*>& in, const std::vector<void*>& out) {
                                                RunRecurrent(p, in, out);
                                              }));
}

}  // namespace

extern "C" {

odla_values odla_LSTM(odla_value input, odla_rnn_weight_format weight_format, odla_rnn_gate_order gate_order,
                      odla_value_shape weight_dims, odla_value W, odla_value R, odla_value B, odla_value sequence_lens,
                      odla_value initial_h, odla_value initial_c, odla_value P, odla_int32 hidden_size,
                      odla_rnn_direction direction, odla_rnn_outputs outputs, const odla_value_ids value_ids) {
  (void)weight_dims;  // W's own shape is authoritative
  return Guard<odla_values>(odla_ref::EmptyValues(), [&] {
    return BuildRecurrent("odla_LSTM", Cell::Lstm, input, weight_format, gate_order, W, R, B, sequence_lens, initial_h,
                          initial_c, P, hidden_size, direction, false, outputs, value_ids);
  });
}

odla_values odla_GRU(odla_value input, odla_rnn_weight_format weight_format, odla_rnn_gate_order gate_order,
                     odla_value_shape weight_dims, odla_value W, odla_value R, odla_value B, odla_value sequence_lens,
                     odla_value initial_h, odla_int32 hidden_size, odla_rnn_direction direction,
                     odla_bool linear_before_reset, odla_rnn_outputs outputs, const odla_value_ids value_id) {
  (void)weight_dims;
  return Guard<odla_values>(odla_ref::EmptyValues(), [&] {
    return BuildRecurrent("odla_GRU", Cell::Gru, input, weight_format, gate_order, W, R, B, sequence_lens, initial_h,
                          nullptr, nullptr, hidden_size, direction, linear_before_reset != 0, outputs, value_id);
  });
}

odla_values odla_RNN(odla_value input, odla_rnn_weight_format weight_format, odla_value_shape weight_dims, odla_value W,
                     odla_value R, odla_value B, odla_value sequence_lens, odla_value initial_h, odla_int32 hidden_size,
                     odla_rnn_direction direction, odla_rnn_outputs outputs, const odla_value_ids value_id) {
  (void)weight_dims;
  return Guard<odla_values>(odla_ref::EmptyValues(), [&] {
    return BuildRecurrent("odla_RNN", Cell::Rnn, input, weight_format, ODLA_RNN_IOFC, W, R, B, sequence_lens,
                          initial_h, nullptr, nullptr, hidden_size, direction, false, outputs, value_id);
  });
}

}  // extern "C"
