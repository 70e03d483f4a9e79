/* A call-graph profiler (GCCInst extensions: function hooks, BPF maps).
   For every pair of instrumented functions it counts how many times the
   first called the second, in a hash map keyed by their func_id ();
   another hash map gives each function's name.  The native half keeps
   each thread's stack of the instrumented functions running, through
   slow_call: an entry pushes the function and returns the caller (0 for
   none), an exit pops it.  Build it with BTF, which describes the
   maps:  clang -O2 -g -target bpf  or  bpf-gcc -O2 -gbtf.  */
#include <bpfinst/bpf.h>
#include <bpfinst/maps.h>

struct edge
{
  uint64_t caller;
  uint64_t callee;
};

struct
{
  __uint (type, BPF_MAP_TYPE_HASH);
  __uint (max_entries, 65536);
  __type (key, struct edge);
  __type (value, uint64_t);
} calls SEC (".maps");

struct
{
  __uint (type, BPF_MAP_TYPE_HASH);
  __uint (max_entries, 16384);
  __type (key, uint64_t);
  __type (value, uint64_t);
} names SEC (".maps");

void
inst_func_entry (void)
{
  uint64_t self = func_id ();
  struct edge e = { slow_call (self), self };
  uint64_t *n = bpf_map_lookup_elem (&calls, &e);
  if (n)
    {
      __sync_fetch_and_add (n, 1);
      return;
    }
  /* A new edge (or another thread's, inserted meanwhile: then count it
     there).  The callee is named once for each of its callers.  */
  uint64_t one = 1;
  if (bpf_map_update_elem (&calls, &e, &one, BPF_NOEXIST) != 0)
    {
      n = bpf_map_lookup_elem (&calls, &e);
      if (n)
	__sync_fetch_and_add (n, 1);
    }
  uint64_t name = func_name ();
  bpf_map_update_elem (&names, &self, &name, BPF_ANY);
}

void
inst_func_exit (uint64_t retval)
{
  slow_call (0);
}
