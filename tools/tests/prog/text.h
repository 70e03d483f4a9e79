/* text.h - textstat, the program tools/tests builds with bpfinst's and
   with gcov's coverage instrumentation: it counts the letters, digits,
   words and lines of its input.  */

#ifndef TEXT_H
#define TEXT_H

#include <stddef.h>

struct counts
{
  unsigned long letters, vowels, digits, spaces, punct, other;
  unsigned long words, lines, longest_word;
};

void count_text (const char *buf, size_t len, struct counts *c);
void print_counts (const struct counts *c, int verbose);
unsigned long checksum (const char *buf, size_t len);

/* Both files use it: each gets its own copy.  */
static inline int
is_space (int ch)
{
  return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

#endif
