/* A switch on an unsigned input with three case labels, a case range and
   a default.  */
#include <stdio.h>

int
main (void)
{
  unsigned x;

  while (scanf ("%u", &x) == 1)
    switch (x)
      {
      case 1000003:
	fprintf (stderr, "first\n");
	break;
      case 1000033:
	fprintf (stderr, "second\n");
	break;
      case 1000333:
	fprintf (stderr, "third\n");
	break;
      case 1000400 ... 1000402:
	fprintf (stderr, "range\n");
	break;
      default:
	fprintf (stderr, "other\n");
	break;
      }
  return 0;
}
