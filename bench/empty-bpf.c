/* The empty instrumenter of make bench: one hook, for computed gotos,
   that does nothing.  It shows what building with GCCInst costs when no
   hook ever fires: the code should be the plain build's, byte for
   byte.  */
#include <bpfinst/bpf.h>

void
inst_indirectbr (void)
{
}
