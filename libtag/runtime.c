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

/* Every object compiled with the plugin references this symbol
   (BPFINST_SPECS_MARKER in gcc-plugin/plugin.h), so that a link without
   -specs=bpfinst.specs, which brings this archive, begins its complaints
   with "undefined reference to `__bpfinst_link_with_-specs=bpfinst.specs'".
   The name is no C identifier: GAS takes it in quotes.  Nothing reads the
   byte it names (an absolute symbol would do, but position-independent
   executables refuse relocations against those).

   The reference is a relocation that does nothing (R_*_NONE), which an
   executable cannot resolve against a shared library's definition: so
   the specs file puts this archive, with -u for this symbol, at the head
   of every executable's link, and an executable always has its own
   copy.  */
__asm__ (".pushsection .rodata\n\t"
	 ".globl \"__bpfinst_link_with_-specs=bpfinst.specs\"\n\t"
	 ".type \"__bpfinst_link_with_-specs=bpfinst.specs\", %object\n\t"
	 ".size \"__bpfinst_link_with_-specs=bpfinst.specs\", 1\n"
	 "\"__bpfinst_link_with_-specs=bpfinst.specs\":\n\t"
	 ".byte 0\n\t"
	 ".popsection");
