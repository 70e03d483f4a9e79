/* -fplugin-arg-bpfinst-verbose gives a note for each function left alone
   for its no_instrument_function or naked attribute, at the function,
   and none for a function it instruments.  The attributed functions do
   not reach the pass.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fplugin-arg-bpfinst-verbose -fplugin-arg-bpfinst-dump" } */
/* { dg-bpfinst-inst "count.bpf.c" } */

__attribute__ ((no_instrument_function)) int
left_alone (int a, int b) /* { dg-message "note: bpfinst: .left_alone. not instrumented: it has attribute .no_instrument_function." } */
{
  return a + b;
}

__attribute__ ((naked)) void
bare (void) /* { dg-message "note: bpfinst: .bare. not instrumented: it has attribute .naked." } */
{
  __asm__ ("ret");
}

int
instrumented (int a, int b) /* { dg-bogus ".instrumented. not instrumented" } */
{
  return a + b;
}

int
instrumented_too (long a, long b)
{
  return a + b;
}

/* { dg-final { scan-tree-dump-times ";; Function left_alone" 0 "bpfinst" } } */
/* { dg-final { scan-tree-dump-times ";; Function bare" 0 "bpfinst" } } */
/* { dg-final { scan-tree-dump ";; Function instrumented " "bpfinst" } } */
