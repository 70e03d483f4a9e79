/* greet.c - greet [--shout] NAME, linked with libshout.so.  */

#include <stdio.h>
#include <string.h>

void shout (char *s);

int
main (int argc, char **argv)
{
  char buf[64];
  int loud = argc > 2 && strcmp (argv[1], "--shout") == 0;
  snprintf (buf, sizeof buf, "hello, %s", argc > 1 ? argv[argc - 1] : "world");
  if (loud)
    shout (buf);
  puts (buf);
  return 0;
}
