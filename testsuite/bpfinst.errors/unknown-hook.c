/* A global inst_* function far from every hook's name.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "frobnicate-hook.bpf.c" } */
/* { dg-error "bpfinst: \[^\n\]*: .inst_frobnicate. is not a hook \\(bpfinst\\(7\\) lists them\\); only hooks may be global functions named .inst_\\*." "unknown hook" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
