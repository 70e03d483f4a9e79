/* A map whose key_size and key type disagree.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "map-key-sizes.bpf.c" clang-g } */
/* { dg-error "bpfinst: \[^\n\]*: map 'counts': key_size is 8, but the key's type has 4 bytes" "key sizes" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
