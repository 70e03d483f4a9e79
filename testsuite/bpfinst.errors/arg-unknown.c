/* A misspelt argument, with the name it is close to.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "victim.bpf.c" } */
/* { dg-options "-O2 -fplugin-arg-bpfinst-verbos" } */
/* { dg-error "bpfinst: unknown argument .verbos.; did you mean .verbose.\\? \\(see -fplugin-arg-bpfinst-help\\)" "verbos" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
