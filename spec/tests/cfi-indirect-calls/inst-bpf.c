/* GCCInst extension: control-flow integrity for indirect calls.  The
   native half registers the functions an indirect call may reach in a
   hash map; before every indirect call, a target that is not there
   stops the program.  Direct calls cost nothing: call_kind () is a
   constant, and the hook folds away for them.  */
#include <bpfinst/bpf.h>
#include <bpfinst/maps.h>

struct
{
  __uint (type, BPF_MAP_TYPE_HASH);
  __uint (max_entries, 64);
  __type (key, uint64_t);
  __type (value, uint8_t);
} cfi_targets SEC (".maps");

extern uint64_t cfi_caller;

void
inst_call (uint64_t target)
{
  if (call_kind () != CALL_INDIRECT)
    return;
  if (bpf_map_lookup_elem (&cfi_targets, &target) == 0)
    {
      cfi_caller = func_name ();
      slow_call (1);
    }
}
