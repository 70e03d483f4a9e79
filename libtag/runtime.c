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

/* Every object compiled with the plugin references this symbol
   (BPFINST_SPECS_MARKER_NAME in bpfinst-abi.h), so that a link without
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
	 ".globl \"" BPFINST_SPECS_MARKER_NAME "\"\n\t"
	 ".type \"" BPFINST_SPECS_MARKER_NAME "\", %object\n\t"
	 ".size \"" BPFINST_SPECS_MARKER_NAME "\", 1\n"
	 "\"" BPFINST_SPECS_MARKER_NAME "\":\n\t"
	 ".byte 0\n\t"
	 ".popsection");
