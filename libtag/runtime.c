/* runtime.c - the engine's native side, linked into instrumented programs.

   GCCInst instruments at compile time: a program address is already a host
   address, so both translations are the identity.

   Plain C with no system dependency: the bare-metal runtime (built with
   -DBPFINST_BARE_METAL, no system calls, no threads) is this file and
   tag-slots.c.  */

#include <stdint.h>

#include "bpfinst/native.h"

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
