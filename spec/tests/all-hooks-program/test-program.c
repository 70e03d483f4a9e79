/* A bit of everything: sorting, strings, recursion, a state machine,
   computed gotos, bit-fields, 128-bit and narrow arithmetic, function
   pointers and structure copies.  Prints what it computes.  */
#include <stdio.h>
#include <string.h>

struct flags
{
  unsigned a : 3;
  unsigned b : 5;
  signed c : 4;
  _Bool d : 1;
};

struct pair
{
  long key;
  char name[12];
};

static void
sort (long *v, int n)
{
  for (int i = 0; i < n; i++)
    for (int j = n - 1; j > i; j--)
      if (v[j] < v[j - 1])
	{
	  long t = v[j];
	  v[j] = v[j - 1];
	  v[j - 1] = t;
	}
}

static unsigned long
fib (unsigned n)
{
  return n < 2 ? n : fib (n - 1) + fib (n - 2);
}

static int
count_words (const char *s)
{
  enum { OUT, IN } state = OUT;
  int words = 0;

  for (; *s; s++)
    switch (*s)
      {
      case ' ':
      case '\t':
      case ',':
	state = OUT;
	break;
      default:
	if (state == OUT)
	  words++;
	state = IN;
	break;
      }
  return words;
}

static int
interpret (const unsigned char *code, int n)
{
  static void *const ops[] = { &&op_inc, &&op_dbl, &&op_neg, &&op_end };
  int acc = 1, pc = 0;

#define NEXT goto *ops[pc < n ? code[pc++] & 3 : 3]
  NEXT;
op_inc:
  acc++;
  NEXT;
op_dbl:
  acc *= 2;
  NEXT;
op_neg:
  acc = -acc;
  NEXT;
op_end:
  return acc;
#undef NEXT
}

static long add_op (long a, long b) { return a + b; }
static long sub_op (long a, long b) { return a - b; }
static long mul_op (long a, long b) { return a * b; }

int
main (void)
{
  long v[16];
  int n = 0;
  char line[128];
  struct flags f = { 0 };
  long (*const ops[3]) (long, long) = { add_op, sub_op, mul_op };

  while (n < 16 && scanf ("%ld", &v[n]) == 1)
    n++;
  sort (v, n);
  for (int i = 0; i < n; i++)
    fprintf (stderr, "%ld%c", v[i], i + 1 < n ? ' ' : '\n');

  if (scanf (" %127[^\n]", line) == 1)
    {
      size_t len = strlen (line);
      char rev[128];
      for (size_t i = 0; i < len; i++)
	rev[i] = line[len - 1 - i];
      rev[len] = 0;
      fprintf (stderr, "%zu [%s] %d words\n", len, rev, count_words (line));
    }

  fprintf (stderr, "fib %lu\n", fib ((unsigned) (n + 10)));
  fprintf (stderr, "interp %d\n",
	   interpret ((const unsigned char *) "\0\1\1\2\0\1", 6));

  for (int i = 0; i < n; i++)
    {
      f.a += v[i];
      f.b ^= v[i] * 3;
      f.c = f.c - (int) v[i];
      f.d = !f.d;
    }
  fprintf (stderr, "flags %u %u %d %d\n", f.a, f.b, f.c, f.d);

  unsigned __int128 big = 1;
  for (int i = 0; i < n; i++)
    big = big * (unsigned long) (v[i] | 1) + (unsigned long) v[i];
  fprintf (stderr, "big %#lx %#lx\n", (unsigned long) (big >> 64),
	   (unsigned long) big);

  unsigned char uc = 250;
  signed char sc = -100;
  short sh = 30000;
  for (int i = 0; i < n; i++)
    {
      uc += (unsigned char) v[i];
      sc -= (signed char) v[i];
      sh = (short) (sh * 3 + v[i]);
    }
  fprintf (stderr, "narrow %u %d %d\n", uc, sc, sh);

  struct pair p[3] = { { 3, "three" }, { 1, "one" }, { 2, "two" } };
  struct pair tmp = p[0];
  p[0] = p[1];
  p[1] = p[2];
  p[2] = tmp;
  long acc = 0;
  for (int i = 0; i < 3; i++)
    acc = ops[i] (acc, p[i].key * 7 + (long) strlen (p[i].name));
  fprintf (stderr, "pairs %s %s %s %ld\n", p[0].name, p[1].name, p[2].name,
	   acc);

  long q = 0, r = 0;
  for (int i = 0; i < n; i++)
    if (v[i] != 0)
      {
	q += 1000003 / v[i];
	r += 1000003 % v[i];
	q += (unsigned long) 1000003 / (unsigned long) ((v[i] & 0xff) | 1);
	q ^= __builtin_clzl ((unsigned long) v[i] | 1)
	     + __builtin_ctzl ((unsigned long) v[i] | 0x100);
	r += v[i] >> 2;
	r += (long) ((unsigned long) v[i] >> 3);
	r += ~v[i] & 0xff;
	r -= -v[i];
      }
  fprintf (stderr, "divs %ld %ld\n", q, r);
  return 0;
}
