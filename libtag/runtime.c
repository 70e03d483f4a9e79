/* runtime.c - the engine's native side, linked into instrumented programs.

   GCCInst instruments at compile time: a program address is already a host
   address, so both translations are the identity.

   Plain C with no system dependency: the bare-metal runtime (built with
   -DBPFINST_BARE_METAL, no system calls, no threads) is this file,
   tag-slots.c and switch.c.  */

#include <stdint.h>

#include "bpfinst/native.h"
#include "bpfinst-abi.h"

/* The plugin calls, and recognizes native halves by, the names
   bpfinst-abi.h gives; the contract's header declares them.  A name that
   differs there is undeclared here, a type that differs fails here.  */
_Static_assert (__builtin_types_compatible_p
		(__typeof__ (BPFINST_SLOW_CALL), uint64_t (uint64_t)),
		"the slow call the plugin emits is uint64_t (uint64_t)");
_Static_assert (__builtin_types_compatible_p
		(__typeof__ (BPFINST_BEFORE_SYSCALL),
		 uint64_t (uint32_t, uint32_t *, uint64_t, uint64_t, uint64_t,
			   uint64_t, uint64_t, uint64_t)),
		"the system-call hook syscall.c calls");
_Static_assert (sizeof (BPFINST_NATIVE_MARKER) == 1,
		"bpfinst/native.h declares the native-half marker");

uint64_t
guest_to_host_addrress (uint64_t addr)
{
  return addr;
}

uint64_t
physical_to_host_addrress (uint64_t addr)
{
  return addr;
}
