// Einsum: a sum of products over every index combination (odla_ops_math.h); an ellipsis stands for the same
// leading dimensions in every term (no broadcasting of extent 1 against other extents).
#include <algorithm>
#include <map>

#include "dispatch.h"

using odla_ref::CheckInput;
using odla_ref::Dims;
using odla_ref::Fail;
using odla_ref::Guard;
using odla_ref::TensorType;

extern "C" {

odla_value odla_Einsum(odla_values inputs, const odla_char* equation, odla_value_shape output_dims,
                       const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    const char* op = "odla_Einsum";
    if (equation == nullptr || inputs.size == 0 || inputs.size > ODLA_MAX_OUTPUTS)
      Fail(ODLA_INVALID_PARAM, "odla_Einsum: an equation and at least one input are required");
    std::string text;
    for (const char* c = equation; *c != '\0'; ++c)
      if (*c != ' ') text += *c;
    const size_t arrow = text.find("->");
    std::vector<std::string> terms;
    std::string lhs = text.substr(0, arrow), result;
    for (size_t begin = 0;;) {
      size_t comma = lhs.find(',', begin);
      terms.push_back(lhs.substr(begin, comma - begin));
      if (comma == std::string::npos) break;
      begin = comma + 1;
    }
    if (terms.size() != inputs.size) Fail(ODLA_INVALID_PARAM, "odla_Einsum: the equation names a different number of inputs");
    // ONNX: "..." covers the dimensions the letters leave; they get digits as letters, right-aligned across terms.
    const std::string ellipsis_letters = "0123456789";
    size_t ellipsis_rank = 0;
    for (size_t i = 0; i < terms.size(); ++i) {
      const size_t at = terms[i].find("...");
      if (at == std::string::npos) continue;
      const size_t rank = inputs.values[i] == nullptr ? 0 : inputs.values[i]->type.dims.size();
      if (terms[i].size() - 3 > rank) Fail(ODLA_INVALID_PARAM, "odla_Einsum: term '" + terms[i] + "' is longer than its input's rank");
      const size_t n = rank - (terms[i].size() - 3);
      if (n > ellipsis_letters.size()) Fail(ODLA_UNSUPPORTED_OP, "odla_Einsum: the ellipsis covers too many dimensions");
      ellipsis_rank = std::max(ellipsis_rank, n);
      terms[i].replace(at, 3, ellipsis_letters.substr(ellipsis_letters.size() - n));
    }
    const std::string ellipsis = ellipsis_letters.substr(ellipsis_letters.size() - ellipsis_rank);
    std::map<char, int64_t> extent;
    std::vector<odla_value> list(inputs.values, inputs.values + inputs.size);
    for (size_t i = 0; i < list.size(); ++i) {
      CheckInput(list[i], op, static_cast<int>(i));
      if (list[i]->type.element_type != list[0]->type.element_type) Fail(ODLA_INVALID_PARAM, "odla_Einsum: input types differ");
      if (terms[i].size() != list[i]->type.dims.size()) Fail(ODLA_INVALID_PARAM, "odla_Einsum: term '" + terms[i] + "' does not match its input's rank");
      for (size_t d = 0; d < terms[i].size(); ++d) {
        auto [it, added] = extent.emplace(terms[i][d], list[i]->type.dims[d]);
        if (!added && it->second != list[i]->type.dims[d]) Fail(ODLA_INVALID_PARAM, "odla_Einsum: extents of '" + std::string(1, terms[i][d]) + "' differ");
      }
    }
    if (arrow != std::string::npos) {
      result = text.substr(arrow + 2);
      const size_t at = result.find("...");
      if (at != std::string::npos) result.replace(at, 3, ellipsis);
    } else {  // ONNX implicit mode: the ellipsis dimensions, then the letters used once, in alphabetical order.
      std::map<char, int> uses;
      for (const auto& term : terms)
        for (char c : term) uses[c]++;
      result = ellipsis;
      for (const auto& [c, n] : uses)
        if (n == 1 && ellipsis.find(c) == std::string::npos) result += c;
    }
    std::string letters;
    for (const auto& entry : extent) letters += entry.first;
    Dims out;
    for (char c : result) {
      if (!extent.count(c)) Fail(ODLA_INVALID_PARAM, "odla_Einsum: output letter '" + std::string(1, c) + "' is not an input letter");
      out.push_back(extent[c]);
    }
    // Strides of every letter in each operand and in the output (0 where the letter is absent).
    auto strides_of = [&](const std::string& term, const Dims& dims) {
      Dims own = odla_ref::Strides(dims), by_letter(letters.size(), 0);
      for (size_t d = 0; d < term.size(); ++d) by_letter[letters.find(term[d])] += own[d];
      return by_letter;
    };
    std::vector<Dims> in_strides;
    for (size_t i = 0; i < list.size(); ++i) in_strides.push_back(strides_of(terms[i], list[i]->type.dims));
    const Dims out_strides = strides_of(result, out);
    Dims extents;
    for (char c : letters) extents.push_back(extent[c]);
    const int64_t out_count = TensorType{ODLA_FLOAT32, out}.Count();
    odla_ref::Kernel kernel;
    odla_ref::DispatchNumeric(list[0]->type.element_type, op, [&](auto tag) {
      using T = decltype(tag);
      kernel = [=](const std::vector<const void*>& in, const std::vector<void*>& res) {
        T* y = static_cast<T*>(res[0]);
        std::fill(y, y + out_count, T(0));
        const int64_t total = TensorType{ODLA_FLOAT32, extents}.Count();
        Dims counter(extents.size(), 0);
        for (int64_t k = 0; k < total; ++k) {
          T product = 1;
          for (size_t i = 0; i < in.size(); ++i) {
            int64_t offset = 0;
            for (size_t l = 0; l < extents.size(); ++l) offset += counter[l] * in_strides[i][l];
            product = static_cast<T>(product * static_cast<const T*>(in[i])[offset]);
          }
          int64_t o = 0;
          for (size_t l = 0; l < extents.size(); ++l) o += counter[l] * out_strides[l];
          y[o] = static_cast<T>(y[o] + product);
          for (size_t l = extents.size(); l-- > 0;) {
            if (++counter[l] < extents[l]) break;
            counter[l] = 0;
          }
        }
      };
    });
    return odla_ref::AddNode1(op, list, TensorType{list[0]->type.element_type, odla_ref::ResolveOutputDims(out, output_dims, op)},
                              value_id, std::move(kernel));
  });
}

}  // extern "C"
