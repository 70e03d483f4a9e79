/* The dense tag store extension, inline: an addition of 1000003 sets the
   tag of the byte at its first operand (an address) to 0x42 and of the
   next byte to 7; an addition of 2000003 reads the tags of the bytes at
   its first operand and the two after it into the native half's
   dense_seen.  An addition of 3000003 sets the tag of its byte to 0.  */
#include <bpfinst/bpf.h>

extern uint64_t dense_seen[3];

void
inst_add (uint64_t a, uint64_t b)
{
  if (b == 1000003)
    {
      dense_tag_set (a, 0x42);
      dense_tag_set (a + 1, 7);
    }
  else if (b == 2000003)
    {
      dense_seen[0] = dense_tag_get (a);
      dense_seen[1] = dense_tag_get (a + 1);
      dense_seen[2] = dense_tag_get (a + 2);
    }
  else if (b == 3000003)
    dense_tag_set (a, 0);
}
