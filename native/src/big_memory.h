// Large, long-lived blocks (a batch's bytes, its row logs) straight from the kernel, backed by
// transparent huge pages where the kernel has them: a batch of 32 MiB touched page by page would
// take 8,192 page faults, each dear on a virtual machine; with 2 MiB pages it takes 16.
#pragma once

#include <cstddef>
#include <cstdlib>
#include <cstring>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace bigmem {

#if defined(__linux__)
inline void adviseHuge(void* p, size_t size) {
#ifdef MADV_HUGEPAGE
  madvise(p, size, MADV_HUGEPAGE);  // advice only: without huge pages the block is still good
#endif
}

inline void* allocate(size_t size) {
  if (size == 0) size = 1;
  void* p = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) return nullptr;
  adviseHuge(p, size);
  return p;
}

inline void release(void* p, size_t size) {
  if (p) munmap(p, size == 0 ? 1 : size);
}

// The block grown to `size` (its bytes kept), or nullptr with the old block still valid.
inline void* grow(void* p, size_t old, size_t size) {
  if (!p) return allocate(size);
  void* q = mremap(p, old, size, MREMAP_MAYMOVE);
  if (q == MAP_FAILED) return nullptr;
  adviseHuge(q, size);
  return q;
}
#else
inline void* allocate(size_t size) { return std::malloc(size == 0 ? 1 : size); }
inline void release(void* p, size_t) { std::free(p); }
inline void* grow(void* p, size_t, size_t size) { return std::realloc(p, size); }
#endif

}  // namespace bigmem
