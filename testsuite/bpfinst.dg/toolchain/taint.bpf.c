/* Tags across a shared library.  Adding 1000003 marks the result with
   tag 1 (the source); adding 77777 (done in the library) records the tag
   that arrived there and adds tag 2; adding 55555 (done in the program
   after the call) records the tag that came back.  Other additions pass
   their operands' tags on.  Each marked addition also numbers itself with
   a counter of this instrumenter's data, which the program and the
   library share when there is one copy per process.  */
#include <bpfinst/bpf.h>

/* Defined by the native half.  */
extern uint64_t seen_in_lib, seen_back, serials[3];

static uint64_t serial;

void
inst_add (uint64_t a, uint64_t b)
{
  (void) a;
  if (b == 1000003)
    {
      serials[0] = ++serial;
      set_tag (1);
    }
  else if (b == 77777)
    {
      serials[1] = ++serial;
      seen_in_lib = tag1 ();
      set_tag (tag1 () | 2);
    }
  else if (b == 55555)
    {
      serials[2] = ++serial;
      seen_back = tag1 ();
      set_tag (tag1 ());
    }
  else if (tag1 () | tag2 ())
    set_tag (tag1 () | tag2 ());
}
