/* One computed goto (GNU labels as values) per input number, to one of
   three labels whose addresses the native half knows.  */
#include <stdio.h>

void note_label (int i, void *addr);

int
main (void)
{
  static void *const targets[] = { &&zero, &&one, &&two };
  unsigned k;

  for (int i = 0; i < 3; i++)
    note_label (i, targets[i]);
  while (scanf ("%u", &k) == 1)
    {
      goto *targets[k % 3];
    zero:
      fprintf (stderr, "zero\n");
      continue;
    one:
      fprintf (stderr, "one\n");
      continue;
    two:
      fprintf (stderr, "two\n");
    }
  return 0;
}
