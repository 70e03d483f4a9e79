/* Records each run of the hooks below in the native half's trace: the
   operands, widths, condition and the operands' tags.  Each gives its
   result its operands' tags and a bit of its own.  Additions of 1000003
   and 1000033 make tags 0x10000 and 0x20000 (and are not recorded);
   "x ^ 777" reports the tag of x.  */
#include <bpfinst/bpf.h>

extern uint64_t trace_a, trace_b, trace_w1, trace_wres, trace_cond,
  trace_res, trace_tags;

#define CMP 1
#define NEG 2
#define SHL 3
#define LSHR 4
#define OR 5
#define AND 6
#define LOAD 7
#define STORE 8
#define REPORT 99

static inline void
record (uint64_t id, uint64_t a, uint64_t b)
{
  trace_a = a;
  trace_b = b;
  trace_w1 = bit_width1 ();
  trace_wres = bit_width_res ();
  trace_tags = tag1 () | tag2 () | tag3 ();
  slow_call (id);
}

void
inst_cmp (uint64_t a, uint64_t b)
{
  trace_cond = condition ();
  trace_res = condition_result ();
  record (CMP, a, b);
}

void
inst_neg (uint64_t a)
{
  record (NEG, a, 0);
  set_tag (tag1 () | 0x100);
}

void
inst_shl (uint64_t a, uint64_t b)
{
  record (SHL, a, b);
  set_tag (tag1 () | tag2 () | 0x200);
}

void
inst_lshr (uint64_t a, uint64_t b)
{
  record (LSHR, a, b);
  set_tag (tag1 () | tag2 () | 0x400);
}

void
inst_or (uint64_t a, uint64_t b)
{
  record (OR, a, b);
  set_tag (tag1 () | tag2 () | 0x800);
}

void
inst_and (uint64_t a, uint64_t b)
{
  record (AND, a, b);
  set_tag (tag1 () | tag2 () | 0x1000);
}

void
inst_load (uint64_t addr, uint64_t offset)
{
  record (LOAD, addr + offset, 0);
  set_tag (0x2000);
}

void
inst_store (uint64_t addr, uint64_t offset, uint64_t value)
{
  record (STORE, addr + offset, value);
}

void
inst_add (uint64_t a, uint64_t b)
{
  (void) a;
  if (b == 1000003)
    set_tag (0x10000);
  else if (b == 1000033)
    set_tag (0x20000);
  else
    set_tag (tag1 () | tag2 ());
}

void
inst_xor (uint64_t a, uint64_t b)
{
  (void) a;
  if (b == 777)
    {
      trace_tags = tag1 ();
      slow_call (REPORT);
    }
  set_tag (tag1 () | tag2 ());
}
