/* libc-wrap.c - the function ids of the runtime's C library wrappers
   (libc-wrap.h), which instrumented callers compare the return slot's
   owner with.  Each is computed on first use.  */

#include <stdint.h>

#include "libc-wrap.h"

static const char *const libc_names[LIBC_COUNT] = {
#define X(name, sig) BPFINST_LIBC_WRAPPER_PREFIX #name,
  BPFINST_LIBC_FUNCTIONS (X)
#undef X
};

static uint64_t libc_ids[LIBC_COUNT];

uint64_t
libc_id (enum libc_fn fn)
{
  uint64_t id = __atomic_load_n (&libc_ids[fn], __ATOMIC_RELAXED);
  if (__builtin_expect (id == 0, 0))
    {
      id = bpfinst_function_id (libc_names[fn], NULL);
      __atomic_store_n (&libc_ids[fn], id, __ATOMIC_RELAXED);
    }
  return id;
}
