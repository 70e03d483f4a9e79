/* Sets and reads tags: every addition's result gets its operands' tags,
   and additions of 1000003 are tagged 1.  */
#include <bpfinst/bpf.h>

void
inst_add (uint64_t a, uint64_t b)
{
  (void) a;
  if (b == 1000003)
    set_tag (1);
  else if (tag1 () | tag2 ())
    set_tag (tag1 () | tag2 ());
}
