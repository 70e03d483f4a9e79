/* tag-slots.c - the per-thread slots that carry tags across calls.

   Instrumented code, when the instrumenter uses tags, passes the tags of a
   call's arguments and of a function's return value through these slots
   (the plugin emits the accesses inline):

     [0]       the address of the function the argument tags are for
     [1..8]    the tags of arguments 1 to 8
     [9]       the address of the function the return tag comes from
     [10]      the tag of that function's return value

   A callee takes the argument tags only when slot 0 names it, and a
   caller takes the return tag only when slot 9 names the function it
   called, so a call into or out of code built without the engine yields
   tag 0, never a stale tag.  One set per thread; every instrumented
   object of the process uses the same set (the symbol has default
   visibility, so the dynamic linker binds all references to one
   definition).

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

#ifdef BPFINST_BARE_METAL
uint64_t __bpfinst_tag_slots[16];
#else
__thread uint64_t __bpfinst_tag_slots[16];
#endif
