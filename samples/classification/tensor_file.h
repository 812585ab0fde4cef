// Reads float tensors from ONNX TensorProto files (.pb), the format of the corpus test sets.
// A deliberately small protobuf reader: dims (1), data_type (2), float_data (4), name (8),
// raw_data (9); every other field is skipped by its wire type.
#ifndef HALO_SAMPLES_CLASSIFICATION_TENSOR_FILE_H
#define HALO_SAMPLES_CLASSIFICATION_TENSOR_FILE_H

#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

struct FloatTensor {
  std::string name;
  std::vector<int64_t> dims;
  std::vector<float> data;
};

namespace tensor_file_detail {

inline bool ReadVarint(const unsigned char*& p, const unsigned char* end, uint64_t& value) {
  value = 0;
  for (int shift = 0; shift < 64 && p < end; shift += 7) {
    const unsigned char byte = *p++;
    value |= uint64_t{byte & 0x7fu} << shift;
    if ((byte & 0x80u) == 0) return true;
  }
  return false;
}

inline void AppendFloats(const unsigned char* p, size_t bytes, std::vector<float>& out) {
  const size_t first = out.size();
  out.resize(first + bytes / 4);
  std::memcpy(out.data() + first, p, (bytes / 4) * 4);  // little-endian host assumed, as ONNX stores
}

}  // namespace tensor_file_detail

// Returns false with `error` set when the file cannot be read or is not a float32 tensor.
inline bool ReadFloatTensor(const std::string& path, FloatTensor& tensor, std::string& error) {
  using namespace tensor_file_detail;
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    error = "cannot open " + path;
    return false;
  }
  const std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  const unsigned char* p = bytes.data();
  const unsigned char* end = p + bytes.size();
  uint64_t data_type = 1;
  while (p < end) {
    uint64_t key = 0, value = 0;
    if (!ReadVarint(p, end, key)) break;
    const uint64_t field = key >> 3, wire = key & 7u;
    if (wire == 0) {
      if (!ReadVarint(p, end, value)) break;
      if (field == 1) tensor.dims.push_back(static_cast<int64_t>(value));
      if (field == 2) data_type = value;
    } else if (wire == 2) {
      if (!ReadVarint(p, end, value) || value > static_cast<uint64_t>(end - p)) break;
      const auto length = static_cast<size_t>(value);
      if (field == 1) {
        const unsigned char* q = p;
        uint64_t dim = 0;
        while (q < p + length && ReadVarint(q, p + length, dim)) tensor.dims.push_back(static_cast<int64_t>(dim));
      } else if (field == 4 || field == 9) {
        AppendFloats(p, length, tensor.data);
      } else if (field == 8) {
        tensor.name.assign(reinterpret_cast<const char*>(p), length);
      }
      p += length;
    } else if (wire == 5) {
      if (end - p < 4) break;
      if (field == 4) AppendFloats(p, 4, tensor.data);
      p += 4;
    } else if (wire == 1) {
      if (end - p < 8) break;
      p += 8;
    } else {
      break;
    }
  }
  if (p != end) {
    error = path + " is not a valid TensorProto file";
    return false;
  }
  if (data_type != 1) {
    error = path + " does not hold float32 data";
    return false;
  }
  size_t count = 1;
  for (int64_t d : tensor.dims) count *= static_cast<size_t>(d);
  if (count != tensor.data.size()) {
    error = path + ": the data size does not match the dimensions";
    return false;
  }
  return true;
}

#endif  // HALO_SAMPLES_CLASSIFICATION_TENSOR_FILE_H
