/* A BPF-to-BPF call chain calls itself.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "recursion.bpf.c" } */
/* { dg-error "bpfinst: \[^\n\]*: recursive call" "recursion" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
