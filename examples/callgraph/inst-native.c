/* The call-graph profiler's native half: each thread's stack of the
   instrumented functions running, and the report.  With BPFINST_CALLGRAPH
   set when the program ends, it writes one line per pair of functions,
   "CALLER CALLEE COUNT", sorted, CALLER "-" for a function no
   instrumented one called (main, a thread's start, a function called
   from code built without the instrumenter), to standard error when the
   variable is "-", else to the file it names.  Without it, nothing is
   printed.

   A longjmp past instrumented functions leaves them on the stack (their
   exits are never seen): later callers may then be wrong.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <bpfinst/native.h>
#include <bpfinst/maps.h>

static __thread uint64_t *stack;
static __thread size_t depth, room;

/* An entry (FUNCT, the function's id): push it, return the caller.  An
   exit (FUNCT 0): pop.  */
uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  if (funct == 0)
    {
      if (depth > 0)
	depth--;
      return 0;
    }
  uint64_t caller = depth > 0 ? stack[depth - 1] : 0;
  if (depth == room)
    {
      size_t n = room ? 2 * room : 256;
      uint64_t *s = realloc (stack, n * sizeof *s);
      if (s == NULL)
	{
	  depth++;		/* not kept: its callees get its caller */
	  return caller;
	}
      stack = s;
      room = n;
    }
  stack[depth++] = funct;
  return caller;
}

struct edge
{
  uint64_t caller;
  uint64_t callee;
};

struct line
{
  const char *caller, *callee;
  uint64_t count;
};

static const char *
name_of (struct bpfinst_map *names, uint64_t id)
{
  if (id == 0)
    return "-";
  uint64_t *n = bpfinst_map_lookup_elem (names, &id);
  return n ? (const char *) (uintptr_t) *n : "?";
}

static int
by_names (const void *a, const void *b)
{
  const struct line *x = a, *y = b;
  int c = strcmp (x->caller, y->caller);
  return c ? c : strcmp (x->callee, y->callee);
}

static void __attribute__ ((destructor))
report (void)
{
  const char *where = getenv ("BPFINST_CALLGRAPH");
  struct bpfinst_map *calls = bpfinst_map_find ("calls");
  struct bpfinst_map *names = bpfinst_map_find ("names");
  if (where == NULL || where[0] == '\0' || calls == NULL || names == NULL)
    return;
  size_t n = 0, cap = 0;
  struct line *lines = NULL;
  struct edge e, *prev = NULL;
  while (bpfinst_map_get_next_key (calls, prev, &e) == 0)
    {
      if (n == cap)
	{
	  cap = cap ? 2 * cap : 256;
	  struct line *l = realloc (lines, cap * sizeof *l);
	  if (l == NULL)
	    break;
	  lines = l;
	}
      uint64_t *count = bpfinst_map_lookup_elem (calls, &e);
      lines[n].caller = name_of (names, e.caller);
      lines[n].callee = name_of (names, e.callee);
      lines[n].count = count ? *count : 0;
      n++;
      prev = &e;
    }
  qsort (lines, n, sizeof *lines, by_names);
  FILE *out = strcmp (where, "-") == 0 ? stderr : fopen (where, "w");
  if (out == NULL)
    {
      perror (where);
      free (lines);
      return;
    }
  for (size_t i = 0; i < n; i++)
    fprintf (out, "%s %s %llu\n", lines[i].caller, lines[i].callee,
	     (unsigned long long) lines[i].count);
  if (out != stderr)
    fclose (out);
  free (lines);
}
