/* The instrumenter was built for big-endian BPF.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "victim.bpf.c" clang-bpfeb } */
/* { dg-error "bpfinst: \[^\n\]*: big-endian BPF objects are not supported" "big endian" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
