/* A map without a key.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "map-no-key.bpf.c" clang-g } */
/* { dg-error "bpfinst: \[^\n\]*: map 'counts': the key has no size \\(give __type \\(key, T\\) or __uint \\(key_size, N\\)\\)" "no key" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
