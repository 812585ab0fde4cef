// The MNIST walkthrough's application: runs the compiled mnist_simple model over the MNIST test
// set (IDX files, gzip-compressed, as distributed) and prints predictions and the accuracy.
// Build: see samples/mnist/run.sh. Usage: mnist DATASET_DIR [SHOW]
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "mnist_simple.h"

namespace {

// Reads a whole gzip file; returns false (with a message) when it cannot.
bool ReadGzip(const std::string& path, std::vector<unsigned char>& bytes) {
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) {
    std::fprintf(stderr, "error: cannot open %s\n", path.c_str());
    return false;
  }
  unsigned char buffer[1 << 16];
  int n = 0;
  while ((n = gzread(file, buffer, sizeof buffer)) > 0) {
    bytes.insert(bytes.end(), buffer, buffer + n);
  }
  bool ok = n == 0;
  gzclose(file);
  if (!ok) std::fprintf(stderr, "error: %s is not a valid gzip file\n", path.c_str());
  return ok;
}

uint32_t BigEndian32(const unsigned char* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | uint32_t{p[3]};
}

// IDX: magic (0x00000803 images, 0x00000801 labels), counts, then unsigned bytes.
bool ReadIdx(const std::string& path, uint32_t magic, std::vector<unsigned char>& data,
             uint32_t& count, size_t item_size) {
  std::vector<unsigned char> bytes;
  if (!ReadGzip(path, bytes)) return false;
  size_t header = magic == 0x803 ? 16 : 8;
  if (bytes.size() < header || BigEndian32(bytes.data()) != magic) {
    std::fprintf(stderr, "error: %s is not an IDX file of the expected kind\n", path.c_str());
    return false;
  }
  count = BigEndian32(bytes.data() + 4);
  if (bytes.size() < header + size_t{count} * item_size) {
    std::fprintf(stderr, "error: %s is truncated\n", path.c_str());
    return false;
  }
  data.assign(bytes.begin() + static_cast<std::ptrdiff_t>(header), bytes.end());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DATASET_DIR [SHOW]\n", argv[0]);
    return 2;
  }
  const std::string dir = argv[1];
  const int show = argc > 2 ? std::atoi(argv[2]) : 10;
  constexpr size_t kPixels = 28 * 28;
  std::vector<unsigned char> images, labels;
  uint32_t image_count = 0, label_count = 0;
  if (!ReadIdx(dir + "/t10k-images-idx3-ubyte.gz", 0x803, images, image_count, kPixels) ||
      !ReadIdx(dir + "/t10k-labels-idx1-ubyte.gz", 0x801, labels, label_count, 1)) {
    return 1;
  }
  const uint32_t count = std::min(image_count, label_count);

  mnist_simple_init();
  uint32_t correct = 0;
  std::array<float, kPixels> input{};
  std::array<float, 10> output{};
  for (uint32_t i = 0; i < count; ++i) {
    const unsigned char* pixels = images.data() + size_t{i} * kPixels;
    for (size_t p = 0; p < kPixels; ++p) input[p] = static_cast<float>(pixels[p]) / 255.0f;
    mnist_simple(input.data(), output.data());
    const auto predicted = static_cast<int>(std::max_element(output.begin(), output.end()) - output.begin());
    correct += predicted == labels[i] ? 1u : 0u;
    if (static_cast<int>(i) < show) {
      std::printf("image %u: predicted %d, label %d\n", i, predicted, labels[i]);
    }
  }
  mnist_simple_fini();
  std::printf("Accuracy %u/%u (%.2f%%)\n", correct, count, count == 0 ? 0.0 : 100.0 * correct / count);
  return 0;
}
