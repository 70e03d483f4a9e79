/* An array map with a 64-bit key.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "map-array-key.bpf.c" clang-g } */
/* { dg-error "bpfinst: \[^\n\]*: map 'counts': the key of an array map is a 4-byte index, not 8 bytes" "array key" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
