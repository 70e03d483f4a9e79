/* A kernel helper called by its number, as libbpf's bpf_helpers.h
   declares them: bpf_ktime_get_ns, 5, which GCCInst does not have.  */
#include <bpfinst/bpf.h>

static uint64_t (*bpf_ktime_get_ns) (void) = (void *) 5;

void
inst_add (uint64_t a, uint64_t b)
{
  slow_call (a + b + bpf_ktime_get_ns ());
}
