/* A conditional jump targets far past the end of the hook.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "victim.bpf.c" } */
/* { dg-bpfinst-corrupt jump inst_add } */
/* { dg-error "bpfinst: \[^\n\]*: inst_add: instruction \[0-9\]+: jump out of range" "jump range" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
