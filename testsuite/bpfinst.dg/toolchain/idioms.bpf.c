/* An instrumenter written the way libbpf programs are: the kernel's
   integer types, <bpf/bpf_helpers.h> (SEC, __always_inline), a license
   section, hooks in named sections, and bit builtins that bpf-gcc turns
   into libgcc calls.  The hooks keep bpfinst/bpf.h's prototypes
   (uint64_t is unsigned long there, __u64 unsigned long long).  */
#include <bpfinst/bpf.h>
#include <linux/types.h>
#include <bpf/bpf_helpers.h>

char LICENSE[] SEC ("license") = "GPL";

/* Defined by the native half.  */
extern __u64 idiom_out[4];

static __u64 calls;

static __always_inline __u32
swap_low (__u64 v)
{
  return __builtin_bswap32 ((__u32) v);
}

static __always_inline __u64
ones (__u64 v)
{
  return (__u64) __builtin_popcountll (v);
}

SEC ("bpfinst/add") void
inst_add (uint64_t a, uint64_t b)
{
  if (b != 0x5eed)
    return;
  calls++;
  idiom_out[0] = swap_low (a);
  idiom_out[1] = ones (a);
  idiom_out[2] = calls;
  idiom_out[3] = bit_width_res ();
  slow_call (7);
}
