/* Without any set_tag, stop_if_no_tags () always ends the hook: what
   follows it never runs, what precedes it does, and a path that does not
   reach it goes on.  */
#include <bpfinst/bpf.h>

extern uint64_t arg0;

void
inst_add (uint64_t a, uint64_t b)
{
  if (b != 1000003)
    return;
  arg0 = a;
  slow_call (1);
  stop_if_no_tags ();
  slow_call (2);
}

void
inst_mul (uint64_t a, uint64_t b)
{
  if (b != 1000003)
    return;
  arg0 = a;
  if (a == 7)
    stop_if_no_tags ();
  slow_call (3);
}
