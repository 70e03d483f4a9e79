/* shout.c - libshout.so, a shared library for tools/tests: upper-cases
   a string.  */

#include <ctype.h>

void
shout (char *s)
{
  for (; *s; s++)
    if (islower ((unsigned char) *s))
      *s = toupper ((unsigned char) *s);
}
