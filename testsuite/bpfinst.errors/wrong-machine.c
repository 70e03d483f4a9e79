/* The instrumenter is an x86-64 object built by the base compiler.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "victim.bpf.c" host } */
/* { dg-error "bpfinst: \[^\n\]*: not a BPF object \\(ELF machine 62\\)" "wrong machine" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
