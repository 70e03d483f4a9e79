/* The hook loops forever: no path leads from the loop to the exit.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "infinite-loop.bpf.c" } */
/* { dg-error "bpfinst: \[^\n\]*: inst_add: instruction \[0-9\]+: unbounded loop" "unbounded loop" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
