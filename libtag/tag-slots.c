/* tag-slots.c - the slots that carry tags across calls.

   Instrumented code, when the instrumenter uses tags, passes the tags of
   a call's arguments and of a function's return value through these
   slots; the plugin emits the accesses inline.  What each slot holds, and
   who writes and reads it when, is described in bpfinst-abi.h.

   One set per thread; every instrumented object of the process uses the
   same set (the symbol has default visibility, so the dynamic linker
   binds all references to one definition).

   The bare-metal runtime (built with -DBPFINST_BARE_METAL, for a plugin
   built the same way) has one plain set for the whole image: there is no
   thread pointer to reach thread-local storage through, and one thread.
   An instrumented interrupt handler shares the set with the code it
   interrupts: if it makes instrumented calls while that code is between
   a call and the callee's entry (or a return and the caller's read), the
   tags passed there may be lost or replaced by the handler's.  Handlers
   that make no instrumented calls, or that are not instrumented, leave
   the slots alone.  */

#include <stdint.h>

#include "bpfinst-abi.h"

#if BPFINST_TAG_SLOTS_PER_THREAD
__thread uint64_t BPFINST_TAG_SLOTS[BPFINST_TAG_SLOTS_SIZE];
#else
uint64_t BPFINST_TAG_SLOTS[BPFINST_TAG_SLOTS_SIZE];
#endif

/* The slots are distinct and all within the array.  */
_Static_assert (BPFINST_SLOT_ARG_CALLEE < BPFINST_SLOT_ARG0,
		"slot 0 comes before the argument slots");
_Static_assert (BPFINST_SLOT_ARG0 + BPFINST_SLOT_NARGS
		<= BPFINST_SLOT_RET_FROM,
		"the argument slots come before the return slots");
_Static_assert (BPFINST_SLOT_RET_FROM < BPFINST_SLOT_RET_TAG
		&& BPFINST_SLOT_RET_TAG < BPFINST_SLOT_RET_ADDR,
		"the return slots are distinct");
_Static_assert (BPFINST_SLOT_RET_ADDR < BPFINST_TAG_SLOTS_SIZE,
		"every slot is in the array");
_Static_assert (sizeof BPFINST_TAG_SLOTS
		== BPFINST_TAG_SLOTS_SIZE * sizeof (uint64_t),
		"the plugin accesses an array of BPFINST_TAG_SLOTS_SIZE "
		"64-bit slots");
