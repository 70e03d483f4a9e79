/* A variable of section .maps that is no struct.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "map-not-struct.bpf.c" clang-g } */
/* { dg-error "bpfinst: \[^\n\]*: map 'counts': not a struct of __uint and __type fields" "not a struct" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
