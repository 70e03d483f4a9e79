/* A global inst_* function that is no hook, one letter away from
   inst_add.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "typo.bpf.c" } */
/* { dg-error "bpfinst: \[^\n\]*: .inst_ad. is not a hook; did you mean .inst_add.\\?" "misspelt hook" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
