/* Native half of trace.bpf.c: the trace of the hooks run between
   test_arm and the first check, and the checks.  A check that fails says
   why on stderr.  */
#include <stdio.h>
#include <bpfinst/native.h>

uint64_t trace_a, trace_b, trace_w1, trace_wres, trace_cond, trace_res,
  trace_tags;

struct entry
{
  uint64_t id, a, b, w1, wres, cond, res, tags;
};

#define MAX_ENTRIES 64
static struct entry entries[MAX_ENTRIES];
static unsigned n, next;
static int armed;
static uint64_t reported, nreported;

uint64_t
event_dispatch_slow_call (uint64_t id)
{
  if (!armed)
    return 0;
  if (id == 99)
    {
      reported = trace_tags;
      nreported++;
    }
  else if (n < MAX_ENTRIES)
    entries[n++] = (struct entry) { id, trace_a, trace_b, trace_w1,
				    trace_wres, trace_cond, trace_res,
				    trace_tags };
  return 0;
}

/* Record from now on.  */
void
test_arm (void)
{
  n = next = 0;
  nreported = 0;
  armed = 1;
}

static const struct entry *last;

/* Stop recording; is the next entry of the trace hook ID?  */
static int
next_is (uint64_t id)
{
  armed = 0;
  last = NULL;
  if (next >= n)
    {
      fprintf (stderr, "trace: hook %llu expected, trace ends\n",
	       (unsigned long long) id);
      return 0;
    }
  last = &entries[next++];
  if (last->id != id)
    {
      fprintf (stderr, "trace: hook %llu expected, %llu found\n",
	       (unsigned long long) id, (unsigned long long) last->id);
      return 0;
    }
  return 1;
}

static int
same (const char *what, uint64_t found, uint64_t expected)
{
  if (found == expected)
    return 1;
  fprintf (stderr, "trace: entry %u (hook %llu): %s is %#llx, not %#llx\n",
	   next - 1, (unsigned long long) last->id, what,
	   (unsigned long long) found, (unsigned long long) expected);
  return 0;
}

/* Is the next entry hook ID with operands A and B, operand width W1 and
   result width WRES?  */
int
test_hook (uint64_t id, uint64_t a, uint64_t b, uint64_t w1, uint64_t wres)
{
  return (next_is (id) && same ("a", last->a, a) && same ("b", last->b, b)
	  && same ("bit_width1", last->w1, w1)
	  && same ("bit_width_res", last->wres, wres));
}

/* Is the next entry a cmp of A and B with condition COND and outcome
   RES?  */
int
test_cmp (uint64_t a, uint64_t b, uint64_t cond, uint64_t res)
{
  return (next_is (1) && same ("a", last->a, a) && same ("b", last->b, b)
	  && same ("condition", last->cond, cond)
	  && same ("condition_result", last->res, res));
}

/* Does A compare with B as COND says (a condition_op_t: bit 1 equal,
   bit 2 less, bit 4 greater, bit 8 signed), in WIDTH bits?  */
static int
holds (uint64_t a, uint64_t b, uint64_t cond, uint64_t width)
{
  int lt, gt;
  if (cond & 8)
    {
      int64_t sa = (int64_t) (a << (64 - width)) >> (64 - width);
      int64_t sb = (int64_t) (b << (64 - width)) >> (64 - width);
      lt = sa < sb;
      gt = sa > sb;
    }
  else
    {
      lt = a < b;
      gt = a > b;
    }
  return ((cond & 2) && lt) || ((cond & 4) && gt) || ((cond & 1) && a == b);
}

/* Is the next entry a cmp of X and Y, in either order, with condition
   COND and the outcome of that comparison in WIDTH bits?  MIN_EXPR and
   MAX_EXPR are commutative: GCC orders their operands its own way.  */
int
test_cmp_either (uint64_t x, uint64_t y, uint64_t cond, uint64_t width)
{
  if (!next_is (1) || !same ("condition", last->cond, cond)
      || !same ("bit_width1", last->w1, width))
    return 0;
  if (!((last->a == x && last->b == y) || (last->a == y && last->b == x)))
    {
      fprintf (stderr, "trace: cmp of %#llx and %#llx, not of %#llx and "
	       "%#llx\n", (unsigned long long) last->a,
	       (unsigned long long) last->b, (unsigned long long) x,
	       (unsigned long long) y);
      return 0;
    }
  return same ("condition_result", last->res,
	       holds (last->a, last->b, cond, width));
}

/* Were the operand tags of the last entry checked TAGS, combined?  */
int
test_tags (uint64_t tags)
{
  return last != NULL && same ("tags", last->tags, tags);
}

/* Has the whole trace been checked?  */
int
test_end (void)
{
  armed = 0;
  if (next == n)
    return 1;
  fprintf (stderr, "trace: %u more entries, the next hook %llu\n",
	   n - next, (unsigned long long) entries[next].id);
  return 0;
}

/* The tag that "x ^ 777" reported since test_arm, when it did once, else
   0xbad.  */
uint64_t
test_reported (void)
{
  armed = 0;
  return nreported == 1 ? reported : 0xbad;
}

/* Is VALUE as expected?  */
int
test_value (uint64_t value, uint64_t expected)
{
  if (value == expected)
    return 1;
  fprintf (stderr, "value %#llx, not %#llx\n", (unsigned long long) value,
	   (unsigned long long) expected);
  return 0;
}
